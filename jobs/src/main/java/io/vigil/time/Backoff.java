package io.vigil.time;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * An exponentially growing wait: {@code base * 2^doublings}, capped at {@code max}, spread by
 * ±{@code jitter} so that what failed together (a fleet, a queue of emails) does not retry together.
 * Shared by the circuit breaker and the mail retries, which differ only in when they count from.
 *
 * @param random uniform in [0, 1); injected so tests get exact waits
 */
public record Backoff(Duration base, Duration max, double jitter, DoubleSupplier random) {

    public Duration after(int doublings) {
        long base = this.base.toMillis();
        long cap = max.toMillis();
        // Past 2^62 the shift overflows; the cap is reached long before in any sane configuration.
        long exponential = doublings >= 62 || base > (cap >> doublings) ? cap : base << doublings;
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(exponential * spread));
    }
}
