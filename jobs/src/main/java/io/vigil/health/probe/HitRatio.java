package io.vigil.health.probe;

/**
 * A cache's hit ratio from two counters, since the server started (the probes) or over an interval (their
 * deltas, {@code io.vigil.health.rates}): one formula for both, and no ratio rather than 0 or 1 when
 * nothing was looked up.
 */
public final class HitRatio {

    private HitRatio() {
    }

    /** part / (part + rest), as hits over hits and misses; null when either is missing or both are 0. */
    public static Double share(Long part, Long rest) {
        return part == null || rest == null || part + rest == 0 ? null : part / (double) (part + rest);
    }

    /**
     * 1 − part / whole, as reads that missed the cache out of all reads; null when either is missing, whole is
     * 0, or part exceeds whole (a negative ratio would be wrong, not small).
     */
    public static Double complement(Long part, Long whole) {
        return part == null || whole == null || whole == 0 || part > whole ? null : 1 - part / (double) whole;
    }
}
