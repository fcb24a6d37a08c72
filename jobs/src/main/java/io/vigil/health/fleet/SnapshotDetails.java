package io.vigil.health.fleet;

import java.util.Map;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A stats snapshot's stored {@code details} column, back as the map the probe made. */
final class SnapshotDetails {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private SnapshotDetails() {
    }

    /** Empty for a snapshot that stored none. */
    static Map<String, Object> of(JSONB details) {
        return details == null ? Map.of() : JSON.readValue(details.data(), MAP);
    }
}
