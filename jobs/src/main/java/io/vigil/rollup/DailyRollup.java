package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.DAILY_ROLLUP_PENDING;
import static io.vigil.db.jooq.Tables.EVENT;
import static io.vigil.db.jooq.Tables.EVENT_ROLLUP_DAILY;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.HEALTH_ROLLUP_DAILY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Recomputes the daily rollups of one day the hourly rollup marked as changed, from the raw rows
 * (distinct counts and percentiles of a day are not sums of hours), and clears the mark in the same
 * transaction.
 */
public class DailyRollup {

    private final DSLContext dsl;

    public DailyRollup(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The oldest day waiting for its daily rollup of this kind ("event" or "health"), locked. */
    public Optional<LocalDate> nextPending(String rollup) {
        return dsl.select(DAILY_ROLLUP_PENDING.DAY).from(DAILY_ROLLUP_PENDING)
                .where(DAILY_ROLLUP_PENDING.ROLLUP.eq(rollup))
                .orderBy(DAILY_ROLLUP_PENDING.DAY)
                .limit(1)
                .forUpdate().skipLocked()
                .fetchOptional(DAILY_ROLLUP_PENDING.DAY);
    }

    public void events(LocalDate day) {
        Field<LocalDate> dayField = DSL.val(day).as("day");
        List<Field<?>> columns = new ArrayList<>(List.of(dayField, EVENT.SOURCE, EVENT.TYPE));
        columns.addAll(EventAggregates.measures());
        dsl.insertInto(EVENT_ROLLUP_DAILY).columns(EVENT_ROLLUP_DAILY.fields())
                .select(DSL.select(columns).from(EVENT)
                        .where(Buckets.onDay(EVENT.OCCURRED_AT, day))
                        .groupBy(EVENT.SOURCE, EVENT.TYPE))
                .onConflict(EVENT_ROLLUP_DAILY.DAY, EVENT_ROLLUP_DAILY.SOURCE, EVENT_ROLLUP_DAILY.TYPE)
                .doUpdate()
                .set(Upserts.excludedMeasures(EVENT_ROLLUP_DAILY, 3))
                .execute();
        done("event", day);
    }

    public void health(LocalDate day) {
        Field<LocalDate> dayField = DSL.val(day).as("day");
        List<Field<?>> columns = new ArrayList<>(List.of(HEALTH_CHECK.CONNECTION_ID, dayField));
        columns.addAll(HealthAggregates.measures());
        dsl.insertInto(HEALTH_ROLLUP_DAILY).columns(HEALTH_ROLLUP_DAILY.fields())
                .select(DSL.select(columns).from(HEALTH_CHECK)
                        .where(Buckets.onDay(HEALTH_CHECK.SLOT, day))
                        .groupBy(HEALTH_CHECK.CONNECTION_ID))
                .onConflict(HEALTH_ROLLUP_DAILY.CONNECTION_ID, HEALTH_ROLLUP_DAILY.DAY)
                .doUpdate()
                .set(Upserts.excludedMeasures(HEALTH_ROLLUP_DAILY, 2))
                .execute();
        done("health", day);
    }

    private void done(String rollup, LocalDate day) {
        dsl.deleteFrom(DAILY_ROLLUP_PENDING)
                .where(DAILY_ROLLUP_PENDING.ROLLUP.eq(rollup), DAILY_ROLLUP_PENDING.DAY.eq(day))
                .execute();
    }
}
