package io.vigil.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a table's expired monthly partitions, whole (DETACH, then DROP: no row-by-row DELETE), and only
 * those whose rows are all rolled up. Runs in the caller's transaction, which first takes the lock that
 * waits for in-flight writers and holds off new ones, so the check and the drop see the same rows.
 */
public class PartitionDropper {

    private static final Logger log = LoggerFactory.getLogger(PartitionDropper.class);

    private final DSLContext dsl;
    private final PartitionCatalog catalog;
    private final RollupProgress progress;

    public PartitionDropper(DSLContext dsl, PartitionCatalog catalog, RollupProgress progress) {
        this.dsl = dsl;
        this.catalog = catalog;
        this.progress = progress;
    }

    /** The partitions dropped. */
    public List<String> dropExpired(String table, Instant now, Duration retention) {
        List<MonthlyPartition> expired = catalog.partitions(table).stream()
                .filter(p -> p.expiredAt(now, retention)).toList();
        List<String> dropped = new ArrayList<>();
        if (expired.isEmpty()) {
            return dropped;
        }
        dsl.execute("LOCK TABLE {0} IN SHARE ROW EXCLUSIVE MODE", DSL.name("vigil", table));
        for (MonthlyPartition partition : expired) {
            if (!progress.rolledUp(partition)) {
                log.warn("Kept partition vigil.{} although it is older than the retention of {}: some of its rows "
                        + "are not rolled up yet (is rollupJob or dailyRollupJob failing? see vigil jobs list --status FAILED)",
                        partition.name(), retention.toDays() + " days");
                continue;
            }
            dsl.execute("ALTER TABLE {0} DETACH PARTITION {1}", DSL.name("vigil", table), DSL.name("vigil", partition.name()));
            dsl.execute("DROP TABLE {0}", DSL.name("vigil", partition.name()));
            log.info("Dropped partition vigil.{} ({} of {}): older than the retention of {} and rolled up",
                    partition.name(), partition.month(), table, retention.toDays() + " days");
            dropped.add(partition.name());
        }
        return dropped;
    }
}
