package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.DAILY_ROLLUP_PENDING;
import static io.vigil.db.jooq.Tables.EVENT;
import static io.vigil.db.jooq.Tables.EVENT_ROLLUP_HOURLY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Folds newly arrived events into event_rollup_hourly. The window is by arrival (id); the buckets it
 * touches are by occurred-at hour, so an event that is hours late updates its old bucket. Every touched
 * bucket ends up exact (distinct counts and percentiles included), and the cost follows the window's
 * rows and the rows of the older buckets it touches, not the table.
 *
 * <p>One pass aggregates the window's rows per bucket into a temporary table. A bucket without a rollup
 * row has no rows folded before (every id up to the watermark was committed when it was folded, see
 * rollup_horizon), so that aggregate is its exact value up to the window's end; rows of it numbered
 * later will find its row and recompute it. A bucket with a rollup row is recomputed from all its raw
 * rows, found by the bucket index.
 */
public class EventHourlyFold implements Fold {

    public static final String ROLLUP = "event_hourly";

    private static final Table<?> WINDOW = DSL.table(DSL.name("event_fold_window"));
    private static final Field<Instant> HOUR = DSL.field(DSL.name("event_fold_window", "hour"), Instant.class);
    private static final Field<String> SOURCE = DSL.field(DSL.name("event_fold_window", "source"), String.class);
    private static final Field<String> TYPE = DSL.field(DSL.name("event_fold_window", "type"), String.class);

    private final DSLContext dsl;

    public EventHourlyFold(DSLContext dsl) {
        this.dsl = dsl;
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
        aggregateWindow(window);
        recomputeFoldedBuckets();
        dsl.insertInto(EVENT_ROLLUP_HOURLY).columns(EVENT_ROLLUP_HOURLY.fields())
                .select(DSL.select(DSL.asterisk()).from(WINDOW))
                .onConflictDoNothing()
                .execute();
        dsl.insertInto(DAILY_ROLLUP_PENDING, DAILY_ROLLUP_PENDING.ROLLUP, DAILY_ROLLUP_PENDING.DAY)
                .select(DSL.selectDistinct(DSL.inline(DailyRollup.EVENTS), Buckets.dayOf(HOUR)).from(WINDOW))
                .onConflictDoNothing()
                .execute();
    }

    /** The window's rows per bucket, in the rollup's column order; dropped when the transaction ends. */
    private void aggregateWindow(FoldWindow window) {
        Field<Instant> hour = Buckets.hourOf(EVENT.OCCURRED_AT);
        List<Field<?>> columns = new ArrayList<>(List.of(hour.as("hour"), EVENT.SOURCE.as("source"), EVENT.TYPE.as("type")));
        List<Field<?>> measures = EventAggregates.measures();
        for (int i = 0; i < measures.size(); i++) {
            columns.add(measures.get(i).as(EVENT_ROLLUP_HOURLY.field(3 + i).getName()));
        }
        dsl.createTemporaryTable(WINDOW)
                .as(DSL.select(columns).from(EVENT)
                        .where(EVENT.ID.gt(window.fromExclusive()), EVENT.ID.le(window.toInclusive()))
                        .groupBy(hour, EVENT.SOURCE, EVENT.TYPE))
                .onCommitDrop()
                .execute();
    }

    /** Touched buckets that had a rollup row already: from all their raw rows. */
    private void recomputeFoldedBuckets() {
        Table<?> folded = DSL.select(HOUR.as("hour"), SOURCE.as("source"), TYPE.as("type"))
                .from(WINDOW)
                .join(EVENT_ROLLUP_HOURLY).on(EVENT_ROLLUP_HOURLY.HOUR.eq(HOUR),
                        EVENT_ROLLUP_HOURLY.SOURCE.eq(SOURCE), EVENT_ROLLUP_HOURLY.TYPE.eq(TYPE))
                .asTable("folded");
        Field<Instant> hour = folded.field("hour", Instant.class);
        Field<String> source = folded.field("source", String.class);
        Field<String> type = folded.field("type", String.class);

        List<Field<?>> columns = new ArrayList<>(List.of(hour, source, type));
        columns.addAll(EventAggregates.measures());
        dsl.insertInto(EVENT_ROLLUP_HOURLY).columns(EVENT_ROLLUP_HOURLY.fields())
                .select(DSL.select(columns)
                        .from(folded)
                        .join(EVENT).on(EVENT.SOURCE.eq(source), EVENT.TYPE.eq(type), Buckets.inHour(EVENT.OCCURRED_AT, hour))
                        .groupBy(hour, source, type))
                .onConflict(EVENT_ROLLUP_HOURLY.HOUR, EVENT_ROLLUP_HOURLY.SOURCE, EVENT_ROLLUP_HOURLY.TYPE)
                .doUpdate()
                .set(Upserts.excludedMeasures(EVENT_ROLLUP_HOURLY, 3))
                .execute();
    }
}
