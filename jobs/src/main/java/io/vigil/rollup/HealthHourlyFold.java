package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.DAILY_ROLLUP_PENDING;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK_CHANGE;
import static io.vigil.db.jooq.Tables.HEALTH_ROLLUP_HOURLY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Folds changed health checks into health_rollup_hourly. health_check is upserted per (connection,
 * slot), so its arrival order is the change log its trigger writes; the folded log entries are deleted
 * in the same transaction, which keeps the log as short as the backlog.
 */
public class HealthHourlyFold implements Fold {

    public static final String ROLLUP = "health_hourly";

    private final DSLContext dsl;

    public HealthHourlyFold(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String rollup() {
        return ROLLUP;
    }

    @Override
    public String lockedTable() {
        return HEALTH_CHECK.getName();
    }

    @Override
    public String idSequence() {
        return "health_check_change_change_id_seq";
    }

    @Override
    public void fold(FoldWindow window) {
        var inWindow = HEALTH_CHECK_CHANGE.CHANGE_ID.gt(window.fromExclusive())
                .and(HEALTH_CHECK_CHANGE.CHANGE_ID.le(window.toInclusive()));
        Table<?> touched = DSL.selectDistinct(HEALTH_CHECK_CHANGE.CONNECTION_ID.as("connection_id"),
                        Buckets.hourOf(HEALTH_CHECK_CHANGE.SLOT).as("hour"))
                .from(HEALTH_CHECK_CHANGE).where(inWindow).asTable("touched");
        Field<Long> connection = touched.field("connection_id", Long.class);
        Field<Instant> hour = touched.field("hour", Instant.class);

        List<Field<?>> columns = new ArrayList<>(List.of(connection, hour));
        columns.addAll(HealthAggregates.measures());
        dsl.insertInto(HEALTH_ROLLUP_HOURLY).columns(HEALTH_ROLLUP_HOURLY.fields())
                .select(DSL.select(columns)
                        .from(touched)
                        .join(HEALTH_CHECK).on(HEALTH_CHECK.CONNECTION_ID.eq(connection), Buckets.inHour(HEALTH_CHECK.SLOT, hour))
                        .groupBy(connection, hour))
                .onConflict(HEALTH_ROLLUP_HOURLY.CONNECTION_ID, HEALTH_ROLLUP_HOURLY.HOUR)
                .doUpdate()
                .set(Upserts.excludedMeasures(HEALTH_ROLLUP_HOURLY, 2))
                .execute();

        dsl.insertInto(DAILY_ROLLUP_PENDING, DAILY_ROLLUP_PENDING.ROLLUP, DAILY_ROLLUP_PENDING.DAY)
                .select(DSL.selectDistinct(DSL.inline(DailyRollup.HEALTH), Buckets.dayOf(HEALTH_CHECK_CHANGE.SLOT))
                        .from(HEALTH_CHECK_CHANGE).where(inWindow))
                .onConflictDoNothing()
                .execute();
        dsl.deleteFrom(HEALTH_CHECK_CHANGE).where(HEALTH_CHECK_CHANGE.CHANGE_ID.le(window.toInclusive())).execute();
    }
}
