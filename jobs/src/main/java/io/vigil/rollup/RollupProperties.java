package io.vigil.rollup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vigil.rollup.*}. {@code max-ids-per-transaction}: how many newly arrived rows one fold
 * transaction covers at most (a backlog is folded in several; a crash loses at most one).
 */
@ConfigurationProperties("vigil.rollup")
public record RollupProperties(Long maxIdsPerTransaction) {

    public RollupProperties {
        maxIdsPerTransaction = maxIdsPerTransaction == null ? 2_000_000L : maxIdsPerTransaction;
        if (maxIdsPerTransaction < 1) {
            throw new IllegalArgumentException("vigil.rollup.max-ids-per-transaction must be at least 1, was "
                    + maxIdsPerTransaction);
        }
    }
}
