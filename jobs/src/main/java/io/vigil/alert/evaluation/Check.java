package io.vigil.alert.evaluation;

import java.time.Instant;

/**
 * One health check as the rules see it; {@code status} is UP, DEGRADED, DOWN or SKIPPED.
 *
 * @param slot      the slot the check was for, which the rules count in
 * @param checkedAt when the probe ran, which the emails show
 */
public record Check(Instant slot, Instant checkedAt, String status, Double latencyMs, String errorMessage) {

    /** A check that ran at its slot. */
    public Check(Instant slot, String status, Double latencyMs, String errorMessage) {
        this(slot, slot, status, latencyMs, errorMessage);
    }

    public boolean probed() {
        return !status.equals("SKIPPED");
    }

    public boolean available() {
        return status.equals("UP") || status.equals("DEGRADED");
    }
}
