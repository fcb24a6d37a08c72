package io.vigil.rollup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vigil.rollup.*}. {@code max-ids-per-transaction}: how many newly arrived rows one fold
 * transaction covers at most (a backlog is folded in several; a crash loses at most one).
 * {@code horizon-lock-wait}: how long a run waits for writers in flight before it postpones its fold to
 * the next run (writers queue behind that wait, so it stays short).
 */
@ConfigurationProperties("vigil.rollup")
public record RollupProperties(Long maxIdsPerTransaction, Duration horizonLockWait) {

    public RollupProperties {
        maxIdsPerTransaction = maxIdsPerTransaction == null ? 2_000_000L : maxIdsPerTransaction;
        horizonLockWait = horizonLockWait == null ? Duration.ofSeconds(2) : horizonLockWait;
        if (maxIdsPerTransaction < 1) {
            throw new IllegalArgumentException("vigil.rollup.max-ids-per-transaction must be at least 1, was "
                    + maxIdsPerTransaction);
        }
        if (horizonLockWait.toMillis() < 1 || horizonLockWait.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("vigil.rollup.horizon-lock-wait must be between 1ms and 24d, was "
                    + horizonLockWait);
        }
    }
}
