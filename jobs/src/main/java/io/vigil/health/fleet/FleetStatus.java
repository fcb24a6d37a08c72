package io.vigil.health.fleet;

import java.time.Instant;
import java.util.List;

/**
 * A connection with its latest check, for the operator's fleet list. Check fields are null before the
 * first. When the latest check was SKIPPED (its circuit is open), the last real one says what the target
 * last did, and {@code nextFullProbeAt} when it is next probed with its own timeout.
 *
 * @param circuit         OPEN or CLOSED; CLOSED before the first failure
 * @param nextFullProbeAt while the circuit is open, when the next full probe is due; null otherwise
 * @param notVisible      the figures of the latest stats snapshot that the monitoring role could not see,
 *                        with the fix, in a line; null when it saw them all
 */
public record FleetStatus(String name, String provider, String address, List<String> tags, boolean enabled,
                          String lastStatus, Instant lastCheckedAt, Double lastLatencyMs, String lastError,
                          String lastRealStatus, Instant lastRealCheckedAt, String lastRealError,
                          String circuit, Instant nextFullProbeAt, String notVisible) {
}
