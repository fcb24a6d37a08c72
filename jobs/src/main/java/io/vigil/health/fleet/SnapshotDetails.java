package io.vigil.health.fleet;

import java.util.Map;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A stats snapshot's stored JSON columns, back as the maps the probe made. */
public final class SnapshotDetails {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<Map<String, Long>> COUNTERS = new TypeReference<>() { };

    private SnapshotDetails() {
    }

    /** Empty for a snapshot that stored none. */
    static Map<String, Object> of(JSONB details) {
        return details == null ? Map.of() : JSON.readValue(details.data(), MAP);
    }

    /** A snapshot's stored {@code counters} column; empty for one that stored none. */
    public static Map<String, Long> counters(JSONB counters) {
        return counters == null ? Map.of() : JSON.readValue(counters.data(), COUNTERS);
    }
}
