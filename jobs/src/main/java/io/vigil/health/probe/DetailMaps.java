package io.vigil.health.probe;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The probes' details as JSON-friendly maps: what was seen, in a stable order, and nothing for what was not. */
final class DetailMaps {

    private DetailMaps() {
    }

    /** Insertion-ordered, so the stored JSON reads in a stable, sensible order; null values are left out. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            putIfPresent(map, (String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** A figure the server did not report is left out rather than stored as null. */
    static <V> void putIfPresent(Map<String, V> map, String key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** A time as ISO-8601 text, as the details hold it (JSON has no time type), or null. */
    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
