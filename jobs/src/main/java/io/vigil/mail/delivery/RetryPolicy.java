package io.vigil.mail.delivery;

import io.vigil.time.Backoff;
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
    private final Backoff backoff;

    /** @param random uniform in [0, 1); injected so tests get exact delays */
    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter, DoubleSupplier random) {
        if (maxAttempts < 1 || !baseDelay.isPositive() || maxDelay.compareTo(baseDelay) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("a retry policy needs max-attempts >= 1, 0 < base-delay <= max-delay "
                    + "and jitter in [0, 1); was " + maxAttempts + ", " + baseDelay + ", " + maxDelay + ", " + jitter);
        }
        this.maxAttempts = maxAttempts;
        this.backoff = new Backoff(baseDelay, maxDelay, jitter, random);
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
        return backoff.after(Math.max(0, failedAttempts - 1));
    }
}
