package io.vigil.rollup;

import java.util.Optional;

/**
 * The ids one transaction folds: (fromExclusive, toInclusive]. A long backlog is cut into windows of at
 * most {@code maxIds} ids so a crash loses at most one window's work and a restart resumes at the
 * watermark.
 */
public record FoldWindow(long fromExclusive, long toInclusive) {

    public FoldWindow {
        if (toInclusive <= fromExclusive) {
            throw new IllegalArgumentException("empty fold window (" + fromExclusive + ", " + toInclusive + "]");
        }
    }

    /** The next window after {@code watermark} up to {@code horizon}, or none when everything is folded. */
    public static Optional<FoldWindow> next(long watermark, long horizon, long maxIds) {
        if (maxIds < 1) {
            throw new IllegalArgumentException("maxIds must be at least 1, was " + maxIds);
        }
        if (watermark >= horizon) {
            return Optional.empty();
        }
        return Optional.of(new FoldWindow(watermark, Math.min(horizon, watermark + maxIds)));
    }

    public boolean reaches(long horizon) {
        return toInclusive >= horizon;
    }
}
