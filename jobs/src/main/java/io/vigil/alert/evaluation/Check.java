package io.vigil.alert.evaluation;

import java.time.Instant;

/** One health check as the rules see it; {@code status} is UP, DEGRADED, DOWN or SKIPPED. */
public record Check(Instant slot, String status, Double latencyMs, String errorMessage) {

    public boolean probed() {
        return !status.equals("SKIPPED");
    }

    public boolean available() {
        return status.equals("UP") || status.equals("DEGRADED");
    }
}
