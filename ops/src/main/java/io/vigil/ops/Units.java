package io.vigil.ops;

import java.time.Duration;
import java.util.Locale;

/**
 * Figures in the units a person reads. Sizes are binary, 1024-based (1 KB = 1024 B, 1 MB = 1024 KB), as
 * PostgreSQL's pg_size_pretty and Redis's used_memory_human count them, with one decimal. Durations take
 * the largest unit that keeps them short: 340 ms, 1.2 s, 3 min, 2.5 h, 3.0 d.
 */
public final class Units {

    private static final String[] SIZES = {"B", "KB", "MB", "GB", "TB"};

    private Units() {
    }

    public static String bytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        // Compared as it will be printed, so that 1023.97 KB reads 1.0 MB, not 1024.0 KB.
        while (unit < SIZES.length - 1 && tenths(value) >= 1024 * 10) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, SIZES[unit]);
    }

    public static String seconds(double seconds) {
        if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("not a duration: " + seconds + " s");
        }
        if (Math.round(seconds * 1000) < 1000) {
            return Math.round(seconds * 1000) + " ms";
        }
        if (tenths(seconds) < 60 * 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (Math.round(seconds / 60) < 60) {
            return Math.round(seconds / 60) + " min";
        }
        if (tenths(seconds / 3600) < 48 * 10) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f d", seconds / 86_400);
    }

    public static String duration(Duration duration) {
        return seconds(duration.toNanos() / 1e9);
    }

    public static String millis(double millis) {
        return Math.round(millis) + " ms";
    }

    /** A ratio between 0 and 1 as a percentage: 0.9987 is 99.9%. */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private static long tenths(double value) {
        return Math.round(value * 10);
    }
}
