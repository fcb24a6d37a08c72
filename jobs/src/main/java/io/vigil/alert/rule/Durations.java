package io.vigil.alert.rule;

import java.time.Duration;

/** Durations as people write them in configuration and read them in emails: 2h, 15m, 1h30m, 45s. */
public final class Durations {

    private Durations() {
    }

    public static String text(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        append(out, seconds / 86_400, "d");
        append(out, seconds % 86_400 / 3_600, "h");
        append(out, seconds % 3_600 / 60, "m");
        append(out, seconds % 60, "s");
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            out.append(amount).append(unit);
        }
    }
}
