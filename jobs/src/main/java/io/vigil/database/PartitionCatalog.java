package io.vigil.database;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The monthly partitions a partitioned table has now. */
public class PartitionCatalog {

    private final DSLContext dsl;

    public PartitionCatalog(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<MonthlyPartition> partitions(PartitionedTable table) {
        return dsl.resultQuery("""
                        SELECT c.relname FROM pg_catalog.pg_inherits i
                        JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = to_regclass(?)
                        ORDER BY c.relname""", "vigil." + table.tableName())
                .fetch(0, String.class).stream()
                .map(name -> MonthlyPartition.parse(table, name))
                .flatMap(Optional::stream)
                .toList();
    }
}
