package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.DAILY_ROLLUP_PENDING;
import static io.vigil.db.jooq.Tables.EVENT;
import static io.vigil.db.jooq.Tables.EVENT_ROLLUP_HOURLY;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Folds newly arrived events into event_rollup_hourly. The window is by arrival (id); the buckets it
 * touches are by occurred-at hour, so an event that is hours late updates its old bucket. Each touched
 * bucket is recomputed exactly (distinct counts and percentiles included) and upserted: cost follows
 * the new data's buckets, not the table.
 */
public class EventHourlyFold implements Fold {

    public static final String ROLLUP = "event_hourly";

    private final DSLContext dsl;

    public EventHourlyFold(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Buckets that already have a rollup row also hold rows folded before: recompute them from all
     * their raw rows. Their number follows the window, and the bucket index finds their rows.
     */
    private void recomputeFoldedBuckets(Condition inWindow) {
        Table<?> touched = DSL.selectDistinct(Buckets.hourOf(EVENT.OCCURRED_AT).as("hour"),
                        EVENT.SOURCE.as("source"), EVENT.TYPE.as("type"))
                .from(EVENT).where(inWindow).asTable("touched");
        Field<OffsetDateTime> hour = touched.field("hour", OffsetDateTime.class);
        Field<String> source = touched.field("source", String.class);
        Field<String> type = touched.field("type", String.class);

        List<Field<?>> columns = new ArrayList<>(List.of(hour, source, type));
        columns.addAll(EventAggregates.measures());
        dsl.insertInto(EVENT_ROLLUP_HOURLY).columns(EVENT_ROLLUP_HOURLY.fields())
                .select(DSL.select(columns)
                        .from(touched)
                        .join(EVENT_ROLLUP_HOURLY).on(EVENT_ROLLUP_HOURLY.HOUR.eq(hour),
                                EVENT_ROLLUP_HOURLY.SOURCE.eq(source), EVENT_ROLLUP_HOURLY.TYPE.eq(type))
                        .join(EVENT).on(EVENT.SOURCE.eq(source), EVENT.TYPE.eq(type), Buckets.inHour(EVENT.OCCURRED_AT, hour))
                        .groupBy(hour, source, type))
                .onConflict(EVENT_ROLLUP_HOURLY.HOUR, EVENT_ROLLUP_HOURLY.SOURCE, EVENT_ROLLUP_HOURLY.TYPE)
                .doUpdate()
                .set(Upserts.excludedMeasures(EVENT_ROLLUP_HOURLY, 3))
                .execute();
    }

    /**
     * A bucket without a rollup row has no rows folded before (every id up to the watermark was
     * committed when it was folded, see rollup_horizon), so its rows up to the window's end are all in
     * the window: one pass over the window, like a bare GROUP BY. Rows of it numbered after the window
     * will find the bucket's row and recompute it. Buckets recomputed just above conflict and are left.
     */
    private void insertNewBuckets(Condition inWindow) {
        Field<OffsetDateTime> hour = Buckets.hourOf(EVENT.OCCURRED_AT);
        List<Field<?>> columns = new ArrayList<>(List.of(hour, EVENT.SOURCE, EVENT.TYPE));
        columns.addAll(EventAggregates.measures());
        dsl.insertInto(EVENT_ROLLUP_HOURLY).columns(EVENT_ROLLUP_HOURLY.fields())
                .select(DSL.select(columns).from(EVENT).where(inWindow).groupBy(hour, EVENT.SOURCE, EVENT.TYPE))
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public String rollup() {
        return ROLLUP;
    }

    @Override
    public String lockedTable() {
        return EVENT.getName();
    }

    @Override
    public String idSequence() {
        return "event_id_seq";
    }

    @Override
    public void fold(FoldWindow window) {
        var inWindow = EVENT.ID.gt(window.fromExclusive()).and(EVENT.ID.le(window.toInclusive()));
        recomputeFoldedBuckets(inWindow);
        insertNewBuckets(inWindow);

        dsl.insertInto(DAILY_ROLLUP_PENDING, DAILY_ROLLUP_PENDING.ROLLUP, DAILY_ROLLUP_PENDING.DAY)
                .select(DSL.selectDistinct(DSL.inline("event"), Buckets.dayOf(EVENT.OCCURRED_AT)).from(EVENT).where(inWindow))
                .onConflictDoNothing()
                .execute();
    }
}
