package io.vigil.health.fleet;

import java.time.OffsetDateTime;
import java.util.List;

/** A connection with its latest check, for the operator's fleet list. Check fields are null before the first. */
public record FleetStatus(String name, String provider, String address, List<String> tags, boolean enabled,
                          String lastStatus, OffsetDateTime lastCheckedAt, Double lastLatencyMs, String lastError) {
}
