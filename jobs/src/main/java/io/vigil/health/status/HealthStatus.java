package io.vigil.health.status;

public enum HealthStatus {
    UP,
    /** Answers, but slower than its SLO or close to a limit. */
    DEGRADED,
    DOWN,
    /** Not probed: its circuit is open. */
    SKIPPED
}
