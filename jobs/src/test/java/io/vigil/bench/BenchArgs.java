package io.vigil.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The benchmarks' {@code key=value} arguments, and what they share about the targets they start. */
public final class BenchArgs {

    private BenchArgs() {
    }

    /** The defaults overridden by the arguments; an unknown key is an error that lists the known ones. */
    public static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            String a = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = a.indexOf('=');
            if (eq < 0 || !values.containsKey(a.substring(0, eq))) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': expected key=value with key in "
                        + values.keySet());
            }
            values.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return values;
    }

    /** {@code 250ms}, {@code 2s}, {@code 1.5s} or an ISO-8601 duration. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s") && !t.startsWith("p")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        return Duration.parse(text);
    }

    /** Spreads {@code round(count * share)} hanging targets evenly over {@code count}: is target {@code index} one? */
    static boolean hanging(int index, int count, double share) {
        long h = Math.round(count * share);
        return (long) index * h / count != (long) (index + 1) * h / count;
    }
}
