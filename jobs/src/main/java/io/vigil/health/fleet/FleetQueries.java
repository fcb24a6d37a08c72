package io.vigil.health.fleet;

import static io.vigil.db.jooq.Tables.CIRCUIT_STATE;
import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.health.probe.DbStats;
import java.util.Arrays;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The fleet for operators: every connection, enabled or not, with its latest check and its circuit. */
public class FleetQueries {

    private final DSLContext dsl;

    public FleetQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<FleetStatus> statuses() {
        return statuses(DSL.noCondition());
    }

    List<FleetStatus> statuses(Condition connections) {
        var latest = latestCheck("latest", DSL.noCondition());
        var real = latestCheck("real", HEALTH_CHECK.STATUS.ne("SKIPPED"));
        var snapshot = DSL.select(DB_STATS_SNAPSHOT.DETAILS).from(DB_STATS_SNAPSHOT)
                .where(DB_STATS_SNAPSHOT.CONNECTION_ID.eq(MONITORED_CONNECTION.ID))
                .orderBy(DB_STATS_SNAPSHOT.SLOT.desc())
                .limit(1)
                .asTable("snapshot");
        return dsl.select(MONITORED_CONNECTION.NAME, MONITORED_CONNECTION.PROVIDER, MONITORED_CONNECTION.ADDRESS,
                        MONITORED_CONNECTION.TAGS, MONITORED_CONNECTION.ENABLED,
                        latest.field(HEALTH_CHECK.STATUS), latest.field(HEALTH_CHECK.CHECKED_AT),
                        latest.field(HEALTH_CHECK.LATENCY_MS), latest.field(HEALTH_CHECK.ERROR_MESSAGE),
                        real.field(HEALTH_CHECK.STATUS), real.field(HEALTH_CHECK.CHECKED_AT),
                        real.field(HEALTH_CHECK.ERROR_MESSAGE), CIRCUIT_STATE.STATE, CIRCUIT_STATE.NEXT_ATTEMPT_AT,
                        snapshot.field(DB_STATS_SNAPSHOT.DETAILS))
                .from(MONITORED_CONNECTION)
                .leftJoin(DSL.lateral(latest)).on(DSL.trueCondition())
                .leftJoin(DSL.lateral(real)).on(DSL.trueCondition())
                .leftJoin(DSL.lateral(snapshot)).on(DSL.trueCondition())
                .leftJoin(CIRCUIT_STATE).on(CIRCUIT_STATE.CONNECTION_ID.eq(MONITORED_CONNECTION.ID))
                .where(connections)
                .orderBy(MONITORED_CONNECTION.NAME)
                .fetch(r -> new FleetStatus(r.value1(), r.value2(), r.value3(), Arrays.asList(r.value4()), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(),
                        r.value13() == null ? "CLOSED" : r.value13(), "OPEN".equals(r.value13()) ? r.value14() : null,
                        notVisible(r.value15())));
    }

    private static String notVisible(JSONB details) {
        return DbStats.notVisibleLine(SnapshotDetails.of(details));
    }

    private static Table<?> latestCheck(String alias, Condition condition) {
        return DSL.select(HEALTH_CHECK.STATUS, HEALTH_CHECK.CHECKED_AT, HEALTH_CHECK.LATENCY_MS, HEALTH_CHECK.ERROR_MESSAGE)
                .from(HEALTH_CHECK)
                .where(HEALTH_CHECK.CONNECTION_ID.eq(MONITORED_CONNECTION.ID)).and(condition)
                .orderBy(HEALTH_CHECK.SLOT.desc())
                .limit(1)
                .asTable(alias);
    }
}
