package io.vigil.database;

import io.vigil.db.jooq.Routines;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/** Creates the monthly partitions of a partitioned table ahead of the rows that need them. */
public class MonthlyPartitions {

    private final DSLContext dsl;

    public MonthlyPartitions(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Ensures the partitions for the month of {@code at} and the {@code monthsAhead} months after it. */
    public void ensure(PartitionedTable table, Instant at, int monthsAhead) {
        YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
        for (int i = 0; i <= monthsAhead; i++) {
            Routines.ensureMonthlyPartition(dsl.configuration(), table.tableName(), month.plusMonths(i).atDay(1));
        }
    }
}
