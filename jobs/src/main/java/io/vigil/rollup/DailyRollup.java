package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.DAILY_ROLLUP_PENDING;
import static io.vigil.db.jooq.Tables.EVENT;
import static io.vigil.db.jooq.Tables.EVENT_ROLLUP_DAILY;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.HEALTH_ROLLUP_DAILY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Recomputes the daily rollups of the days the hourly rollup marked as changed, from the raw rows
 * (distinct counts and percentiles of a day are not sums of hours), and clears the mark in the same
 * transaction.
 */
public class DailyRollup {

    /** The daily rollups, as {@code daily_rollup_pending} names them. */
    public static final String EVENTS = "event";
    public static final String HEALTH = "health";

    private final DSLContext dsl;

    public DailyRollup(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The oldest days, at most {@code limit}, waiting for their daily rollup of this kind ({@link #EVENTS}
     * or {@link #HEALTH}), locked until the transaction ends.
     */
    public List<LocalDate> nextPending(String rollup, int limit) {
        return dsl.select(DAILY_ROLLUP_PENDING.DAY).from(DAILY_ROLLUP_PENDING)
                .where(DAILY_ROLLUP_PENDING.ROLLUP.eq(rollup))
                .orderBy(DAILY_ROLLUP_PENDING.DAY)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(DAILY_ROLLUP_PENDING.DAY);
    }

    /** Several days in one pass over their raw rows: a backlog of a month costs one scan, not thirty. */
    public void events(List<LocalDate> days) {
        Field<LocalDate> day = Buckets.dayOf(EVENT.OCCURRED_AT);
        List<Field<?>> columns = new ArrayList<>(List.of(day, EVENT.SOURCE, EVENT.TYPE));
        columns.addAll(EventAggregates.measures());
        dsl.insertInto(EVENT_ROLLUP_DAILY).columns(EVENT_ROLLUP_DAILY.fields())
                .select(DSL.select(columns).from(EVENT)
                        .where(Buckets.onDays(EVENT.OCCURRED_AT, days))
                        .groupBy(day, EVENT.SOURCE, EVENT.TYPE))
                .onConflict(EVENT_ROLLUP_DAILY.DAY, EVENT_ROLLUP_DAILY.SOURCE, EVENT_ROLLUP_DAILY.TYPE)
                .doUpdate()
                .set(Upserts.excludedMeasures(EVENT_ROLLUP_DAILY, 3))
                .execute();
        done(EVENTS, days);
    }

    public void health(List<LocalDate> days) {
        Field<LocalDate> day = Buckets.dayOf(HEALTH_CHECK.SLOT);
        List<Field<?>> columns = new ArrayList<>(List.of(HEALTH_CHECK.CONNECTION_ID, day));
        columns.addAll(HealthAggregates.measures());
        dsl.insertInto(HEALTH_ROLLUP_DAILY).columns(HEALTH_ROLLUP_DAILY.fields())
                .select(DSL.select(columns).from(HEALTH_CHECK)
                        .where(Buckets.onDays(HEALTH_CHECK.SLOT, days))
                        .groupBy(HEALTH_CHECK.CONNECTION_ID, day))
                .onConflict(HEALTH_ROLLUP_DAILY.CONNECTION_ID, HEALTH_ROLLUP_DAILY.DAY)
                .doUpdate()
                .set(Upserts.excludedMeasures(HEALTH_ROLLUP_DAILY, 2))
                .execute();
        done(HEALTH, days);
    }

    private void done(String rollup, List<LocalDate> days) {
        dsl.deleteFrom(DAILY_ROLLUP_PENDING)
                .where(DAILY_ROLLUP_PENDING.ROLLUP.eq(rollup), DAILY_ROLLUP_PENDING.DAY.in(days))
                .execute();
    }
}
