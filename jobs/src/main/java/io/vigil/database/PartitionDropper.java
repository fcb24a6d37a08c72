package io.vigil.database;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a table's monthly partitions older than a cutoff, whole (DETACH, then DROP: no row-by-row
 * DELETE), and only those its owner says it is done with. Runs in the caller's transaction, which first
 * takes the lock that waits for in-flight writers and holds off new ones, so the check and the drop see
 * the same rows.
 */
public class PartitionDropper {

    private static final Logger log = LoggerFactory.getLogger(PartitionDropper.class);

    private final DSLContext dsl;
    private final PartitionCatalog catalog;

    public PartitionDropper(DSLContext dsl) {
        this.dsl = dsl;
        this.catalog = new PartitionCatalog(dsl);
    }

    /**
     * @param done        whether every row of a partition has been dealt with (rolled up, say)
     * @param whyKept     for the log, when a partition is kept although old enough: what is not done
     * @return the partitions dropped
     */
    public List<String> dropOlderThan(PartitionedTable table, Instant cutoff, Predicate<MonthlyPartition> done,
                                      String whyKept) {
        List<MonthlyPartition> expired = catalog.partitions(table).stream().filter(p -> p.endsBy(cutoff)).toList();
        List<String> dropped = new ArrayList<>();
        if (expired.isEmpty()) {
            return dropped;
        }
        dsl.execute("LOCK TABLE {0} IN SHARE ROW EXCLUSIVE MODE", DSL.name("vigil", table.tableName()));
        for (MonthlyPartition partition : expired) {
            if (!done.test(partition)) {
                log.warn("Kept partition vigil.{} although all of it is older than {}: {}", partition.name(), cutoff,
                        whyKept);
                continue;
            }
            dsl.execute("ALTER TABLE {0} DETACH PARTITION {1}", DSL.name("vigil", table.tableName()),
                    DSL.name("vigil", partition.name()));
            dsl.execute("DROP TABLE {0}", DSL.name("vigil", partition.name()));
            log.info("Dropped partition vigil.{} ({} of {}): all of it older than {}", partition.name(),
                    partition.month(), table.tableName(), cutoff);
            dropped.add(partition.name());
        }
        return dropped;
    }
}
