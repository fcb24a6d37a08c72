package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.DAILY_ROLLUP_PENDING;
import static io.vigil.db.jooq.Tables.EVENT;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK_CHANGE;
import static io.vigil.db.jooq.Tables.ROLLUP_WATERMARK;

import io.vigil.database.MonthlyPartition;
import java.time.Instant;
import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Whether a raw partition's rows are all in the rollups: none of them waits for the hourly rollup (an
 * event numbered past its watermark, a health check in the change log) and none of its days waits for
 * the daily rollup. Read under the lock the dropper holds, so no writer can add a row meanwhile.
 */
public class RollupProgress {

    private final DSLContext dsl;

    public RollupProgress(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean rolledUp(MonthlyPartition partition) {
        Instant start = partition.start();
        Instant end = partition.end();
        Condition hourlyPending = switch (partition.table()) {
            case EVENT -> DSL.exists(DSL.selectOne().from(EVENT)
                    .where(EVENT.OCCURRED_AT.ge(start)).and(EVENT.OCCURRED_AT.lt(end))
                    .and(EVENT.ID.gt(DSL.select(ROLLUP_WATERMARK.FOLDED_THROUGH).from(ROLLUP_WATERMARK)
                            .where(ROLLUP_WATERMARK.ROLLUP.eq(EventHourlyFold.ROLLUP)))));
            case HEALTH_CHECK -> DSL.exists(DSL.selectOne().from(HEALTH_CHECK_CHANGE)
                    .where(HEALTH_CHECK_CHANGE.SLOT.ge(start)).and(HEALTH_CHECK_CHANGE.SLOT.lt(end)));
        };
        String daily = switch (partition.table()) {
            case EVENT -> DailyRollup.EVENTS;
            case HEALTH_CHECK -> DailyRollup.HEALTH;
        };
        LocalDate firstDay = partition.month().atDay(1);
        Condition dailyPending = DSL.exists(DSL.selectOne().from(DAILY_ROLLUP_PENDING)
                .where(DAILY_ROLLUP_PENDING.ROLLUP.eq(daily))
                .and(DAILY_ROLLUP_PENDING.DAY.ge(firstDay))
                .and(DAILY_ROLLUP_PENDING.DAY.lt(firstDay.plusMonths(1))));
        return !dsl.fetchValue(DSL.field(hourlyPending.or(dailyPending)));
    }
}
