package io.vigil.health.circuit;

import java.time.Instant;

/**
 * A connection's circuit. OPEN means "stop probing until {@code nextAttemptAt}"; the probe made then is
 * the half-open one, and its result closes or re-opens the circuit.
 */
public record Circuit(State state, int consecutiveFailures, Instant openedAt, Instant nextAttemptAt) {

    public enum State { CLOSED, OPEN }

    public static Circuit closed() {
        return new Circuit(State.CLOSED, 0, null, null);
    }
}
