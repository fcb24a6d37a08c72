package io.vigil.health.circuit;

import io.vigil.time.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Decides how to probe a connection and how its circuit moves after a probe. After
 * {@code failureThreshold} failures in a row the circuit opens: the target is then probed in full (with
 * its own timeout) only when the wait is over, each further failed full probe doubling the wait (capped at
 * {@code maxDelay}, spread by ±{@code jitter} so that a fleet that failed together is not probed again
 * all at the same moment). In between, every slot makes a quick probe, bounded by {@code quickTimeout}:
 * the circuit exists so that dead targets do not cost a run their timeouts, not to stop looking, and a
 * target that is back must be seen back in the next slot, however long it was gone.
 */
public class CircuitBreaker {

    public enum Decision {
        /** Closed: a full probe. */
        PROBE,
        /** Open and the wait is over: a full probe, whose result closes or re-opens the circuit. */
        PROBE_HALF_OPEN,
        /** Open and waiting: a probe bounded by the quick timeout. */
        PROBE_QUICK,
        /** Open and waiting, quick probes turned off: no probe. */
        SKIP
    }

    /** What a quick probe learned. */
    public enum QuickResult {
        /** It answered: the target is back. */
        ANSWERED,
        /** It failed before the quick timeout (refused, an error reply): a full probe would have failed too. */
        FAILED,
        /** No answer within the quick timeout: a slow target and a dead one look alike, so nothing is learned. */
        NO_ANSWER
    }

    private final int failureThreshold;
    private final Backoff backoff;
    private final Duration quickTimeout;

    /**
     * @param quickTimeout the bound of the probes made while a circuit is open; zero turns them off
     * @param random       uniform in [0, 1); injected so tests get exact delays
     */
    public CircuitBreaker(int failureThreshold, Duration baseDelay, Duration maxDelay, double jitter,
                          Duration quickTimeout, DoubleSupplier random) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("vigil.health.circuit.failure-threshold must be at least 1");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("vigil.health.circuit.jitter must be in [0, 1), for example 0.2");
        }
        if (quickTimeout.isNegative()) {
            throw new IllegalArgumentException("vigil.health.circuit.quick-probe-timeout must not be negative: "
                    + "for example 2s, or 0s to skip connections whose circuit is open");
        }
        this.failureThreshold = failureThreshold;
        this.backoff = new Backoff(baseDelay, maxDelay, jitter, random);
        this.quickTimeout = quickTimeout;
    }

    public Decision decide(Circuit circuit, Instant now) {
        if (circuit.state() == Circuit.State.CLOSED) {
            return Decision.PROBE;
        }
        if (!now.isBefore(circuit.nextAttemptAt())) {
            return Decision.PROBE_HALF_OPEN;
        }
        return quickTimeout.isZero() ? Decision.SKIP : Decision.PROBE_QUICK;
    }

    /** The timeout of a quick probe of a target whose own timeout is {@code timeout}: never longer. */
    public Duration quickTimeout(Duration timeout) {
        return timeout.compareTo(quickTimeout) < 0 ? timeout : quickTimeout;
    }

    /** How a quick probe that took {@code latency} with the quick timeout {@code timeout} is read. */
    public static QuickResult quickResult(boolean answered, Duration latency, Duration timeout) {
        if (answered) {
            return QuickResult.ANSWERED;
        }
        return latency.compareTo(timeout) >= 0 ? QuickResult.NO_ANSWER : QuickResult.FAILED;
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

    /**
     * A quick probe's answer closes the circuit; a quick failure counts, but leaves the next full probe
     * where it was (the wait doubles only on full probes, which are the ones that cost a timeout).
     */
    public Circuit afterQuickProbe(Circuit circuit, QuickResult result) {
        return switch (result) {
            case ANSWERED -> Circuit.closed();
            case FAILED -> new Circuit(Circuit.State.OPEN, circuit.consecutiveFailures() + 1, circuit.openedAt(),
                    circuit.nextAttemptAt());
            case NO_ANSWER -> circuit;
        };
    }

    /** The wait after the n-th failed attempt past the threshold (n = 0 when the circuit first opens). */
    Duration delay(int attemptsPastThreshold) {
        return backoff.after(attemptsPastThreshold);
    }
}
