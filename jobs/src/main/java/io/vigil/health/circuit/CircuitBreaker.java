package io.vigil.health.circuit;

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
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final double jitter;
    private final DoubleSupplier random;

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
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
        this.random = random;
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
        long base = baseDelay.toMillis();
        long capped = maxDelay.toMillis();
        long exponential = attemptsPastThreshold >= 62 ? capped
                : Math.min(capped, base * (1L << Math.min(attemptsPastThreshold, 30)));
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(exponential * spread));
    }
}
