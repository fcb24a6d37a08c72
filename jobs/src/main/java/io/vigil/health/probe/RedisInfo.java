package io.vigil.health.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the text a Redis {@code INFO} command returns. */
public final class RedisInfo {

    /**
     * Parses {@code key:value} lines into a map; section headers ({@code # Server}) and blank lines are
     * skipped. Only the first colon splits, because values such as keyspace lines
     * ({@code db0:keys=1,expires=0}) or addresses may contain more.
     */
    public static Map<String, String> parse(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (info == null) {
            return fields;
        }
        for (String line : info.split("\r?\n")) {
            String trimmed = line.strip();
            int colon = trimmed.indexOf(':');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || colon <= 0) {
                continue;
            }
            fields.put(trimmed.substring(0, colon), trimmed.substring(colon + 1));
        }
        return fields;
    }

    private RedisInfo() {
    }
}
