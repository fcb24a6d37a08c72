package io.vigil.health.fleet;

import java.time.Instant;
import java.util.List;

/** A connection with its latest check, for the operator's fleet list. Check fields are null before the first. */
public record FleetStatus(String name, String provider, String address, List<String> tags, boolean enabled,
                          String lastStatus, Instant lastCheckedAt, Double lastLatencyMs, String lastError) {
}
