package io.vigil.rollup;

/**
 * One incremental rollup: the raw table it reads, the sequence that numbers the raw rows in arrival
 * order, and how to fold a window of those numbers into the rollup rows.
 */
public interface Fold {

    /** The watermark's key in rollup_watermark. */
    String rollup();

    /** The table writers hold a ROW EXCLUSIVE lock on while they draw a number (see rollup_horizon). */
    String lockedTable();

    String idSequence();

    /**
     * Recomputes every bucket that a row numbered in the window touches, from all raw rows of that
     * bucket, and marks the buckets' days for the daily rollup. Runs in the caller's transaction.
     */
    void fold(FoldWindow window);
}
