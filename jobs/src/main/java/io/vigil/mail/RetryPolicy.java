package io.vigil.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed email is tried again: after the n-th failed send, {@code baseDelay * 2^(n-1)}, capped at
 * {@code maxDelay}, spread by ±{@code jitter} so that emails that failed together (the server was down)
 * do not all hit it again at the same moment; after {@code maxAttempts} failed sends, never.
 */
public class RetryPolicy {

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final double jitter;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); injected so tests get exact delays */
    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter, DoubleSupplier random) {
        if (maxAttempts < 1 || !baseDelay.isPositive() || maxDelay.compareTo(baseDelay) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("a retry policy needs max-attempts >= 1, 0 < base-delay <= max-delay "
                    + "and jitter in [0, 1); was " + maxAttempts + ", " + baseDelay + ", " + maxDelay + ", " + jitter);
        }
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
        this.random = random;
    }

    /** When to try again after the {@code failedAttempts}-th failed send at {@code now}; empty: give up. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delay(failedAttempts)));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    Duration delay(int failedAttempts) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        int doublings = Math.max(0, failedAttempts - 1);
        // Past 2^62 the shift overflows; the cap is reached long before in any sane configuration.
        long exponential = doublings >= 62 || base > (cap >> Math.min(doublings, 62)) ? cap : base << doublings;
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(Math.min(exponential, cap) * spread));
    }
}
