package io.vigil.rollup;

import io.vigil.database.PartitionDropper;
import io.vigil.database.PartitionedTable;
import java.time.Instant;

/**
 * Raw rows may go once they are rolled up, and not before: the rollup decides when a month of health
 * checks or events is dropped, since only it knows whether every row of that month is folded.
 */
public class RawPartitionPruning {

    private final PartitionDropper dropper;
    private final RollupProgress progress;

    public RawPartitionPruning(PartitionDropper dropper, RollupProgress progress) {
        this.dropper = dropper;
        this.progress = progress;
    }

    /** The number of partitions dropped. */
    public int dropOlderThan(PartitionedTable table, Instant cutoff) {
        return dropper.dropOlderThan(table, cutoff, progress::rolledUp, "some of its rows are not rolled up yet "
                + "(is rollupJob or dailyRollupJob failing? see vigil jobs list --status FAILED)").size();
    }
}
