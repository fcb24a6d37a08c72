package io.vigil.health;

import io.vigil.health.circuit.Circuit;
import io.vigil.health.probe.DbStats;
import io.vigil.health.status.HealthStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code health_check} to write, the stats snapshot if any, and the circuit before and after the check.
 *
 * @param circuitAfter null when the circuit did not change (nothing to write)
 */
public record HealthCheckResult(long connectionId, String connectionName, HealthStatus status, Double latencyMs,
                                String errorClass, String errorMessage, Map<String, Object> details, DbStats stats,
                                Instant checkedAt, Circuit circuitBefore, Circuit circuitAfter) {

    /** The key of {@link #details} that says why a DEGRADED check is degraded. */
    public static final String DEGRADED_BECAUSE = "degradedBecause";

    /** What is wrong, in words: the error of a DOWN check, the reason of a DEGRADED one; null when UP. */
    public String problem() {
        if (status == HealthStatus.DEGRADED && details != null && details.get(DEGRADED_BECAUSE) != null) {
            return details.get(DEGRADED_BECAUSE).toString();
        }
        return errorMessage;
    }
}
