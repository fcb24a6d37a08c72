package io.vigil.health;

import io.vigil.health.circuit.Circuit;
import io.vigil.health.probe.DbStats;
import io.vigil.health.status.HealthStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code health_check} to write, the stats snapshot if any, and the circuit after the check.
 *
 * @param circuitAfter null when the circuit did not change (nothing to write)
 */
public record HealthCheckResult(long connectionId, String connectionName, HealthStatus status, Double latencyMs,
                                String errorClass, String errorMessage, Map<String, Object> details, DbStats stats,
                                Instant checkedAt, Circuit circuitAfter) {
}
