package io.vigil.health.circuit;

import io.vigil.time.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Decides whether to probe a connection and how its circuit moves after a probe. After
 * {@code failureThreshold} failures in a row the circuit opens; each further failed attempt doubles the
 * wait (capped at {@code maxDelay}), spread by ±{@code jitter} so that a fleet that failed together is
 * not probed again all at the same moment.
 */
public class CircuitBreaker {

    public enum Decision { PROBE, PROBE_HALF_OPEN, SKIP }

    private final int failureThreshold;
    private final Backoff backoff;

    /** @param random uniform in [0, 1); injected so tests get exact delays */
    public CircuitBreaker(int failureThreshold, Duration baseDelay, Duration maxDelay, double jitter,
                          DoubleSupplier random) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("vigil.health.circuit.failure-threshold must be at least 1");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("vigil.health.circuit.jitter must be in [0, 1), for example 0.2");
        }
        this.failureThreshold = failureThreshold;
        this.backoff = new Backoff(baseDelay, maxDelay, jitter, random);
    }

    public Decision decide(Circuit circuit, Instant now) {
        if (circuit.state() == Circuit.State.CLOSED) {
            return Decision.PROBE;
        }
        return now.isBefore(circuit.nextAttemptAt()) ? Decision.SKIP : Decision.PROBE_HALF_OPEN;
    }

    public Circuit afterProbe(Circuit circuit, boolean success, Instant now) {
        if (success) {
            return Circuit.closed();
        }
        int failures = circuit.consecutiveFailures() + 1;
        if (failures < failureThreshold) {
            return new Circuit(Circuit.State.CLOSED, failures, null, null);
        }
        Instant openedAt = circuit.state() == Circuit.State.OPEN ? circuit.openedAt() : now;
        return new Circuit(Circuit.State.OPEN, failures, openedAt, now.plus(delay(failures - failureThreshold)));
    }

    /** The wait after the n-th failed attempt past the threshold (n = 0 when the circuit first opens). */
    Duration delay(int attemptsPastThreshold) {
        return backoff.after(attemptsPastThreshold);
    }
}
