package io.vigil.health.probe;

import io.vigil.secret.SecretScrubber;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** One probe of one target in progress: its clock, its effective timeout, and how a failure is reported. */
final class ProbeAttempt {

    // A target without a timeout must not mean "wait forever": most drivers read 0 as no timeout at all.
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final ProbeTarget target;
    private final long startNanos = System.nanoTime();
    private final Duration timeout;

    ProbeAttempt(ProbeTarget target) {
        this.target = target;
        Duration requested = target.timeout();
        this.timeout = requested == null || requested.isNegative() || requested.isZero() ? DEFAULT_TIMEOUT : requested;
    }

    Duration timeout() {
        return timeout;
    }

    int timeoutMillis() {
        return Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
    }

    /** Whole seconds, rounded up and at least one, for drivers whose timeouts are in seconds (0 would mean none). */
    int timeoutSeconds() {
        return Math.clamp((timeout.toMillis() + 999) / 1000, 1, Integer.MAX_VALUE);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** What is left of the timeout, counted from the start of the probe; zero or negative when it is spent. */
    Duration remaining() {
        return timeout.minus(elapsed());
    }

    String scrub(String message) {
        return SecretScrubber.scrub(message, target.password());
    }

    String describe(Throwable failure) {
        return SecretScrubber.describe(failure, target.password());
    }

    ProbeOutcome down(Throwable failure) {
        return down(failure, null);
    }

    /** @param context what was being done, put before the failure's own message, or null */
    ProbeOutcome down(Throwable failure, String context) {
        if (failure instanceof InterruptedException) {
            // The fan-out gave up on this probe; keep the interrupt for whoever runs this thread.
            Thread.currentThread().interrupt();
        }
        Map<String, Object> details = failure instanceof SQLException sql && sql.getSQLState() != null
                ? Map.of("sqlState", sql.getSQLState())
                : Map.of();
        String cause = FailureCause.of(failure, endpoint(), timeout);
        String described = cause == null ? describe(failure) : scrub(cause);
        String message = context == null ? described : scrub(context + ": " + described);
        return ProbeOutcome.down(elapsed(), failure.getClass().getSimpleName(), message, details);
    }

    /** The target's host:port, as a failure names it; the address as it is when it cannot be parsed. */
    String endpoint() {
        try {
            return Addresses.endpoint(target.provider(), target.address()).authority();
        } catch (IllegalArgumentException e) {
            return target.address();
        }
    }
}
