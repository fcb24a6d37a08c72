package io.vigil.health.fleet;

import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The fleet for operators: every connection, enabled or not, with its latest check. */
public class FleetQueries {

    private final DSLContext dsl;

    public FleetQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<FleetStatus> statuses() {
        var latest = DSL.select(HEALTH_CHECK.STATUS, HEALTH_CHECK.CHECKED_AT, HEALTH_CHECK.LATENCY_MS,
                        HEALTH_CHECK.ERROR_MESSAGE)
                .from(HEALTH_CHECK)
                .where(HEALTH_CHECK.CONNECTION_ID.eq(MONITORED_CONNECTION.ID))
                .orderBy(HEALTH_CHECK.SLOT.desc())
                .limit(1)
                .asTable("latest");
        return dsl.select(MONITORED_CONNECTION.NAME, MONITORED_CONNECTION.PROVIDER, MONITORED_CONNECTION.ADDRESS,
                        MONITORED_CONNECTION.TAGS, MONITORED_CONNECTION.ENABLED,
                        latest.field(HEALTH_CHECK.STATUS), latest.field(HEALTH_CHECK.CHECKED_AT),
                        latest.field(HEALTH_CHECK.LATENCY_MS), latest.field(HEALTH_CHECK.ERROR_MESSAGE))
                .from(MONITORED_CONNECTION)
                .leftJoin(DSL.lateral(latest)).on(DSL.trueCondition())
                .orderBy(MONITORED_CONNECTION.NAME)
                .fetch(r -> new FleetStatus(r.value1(), r.value2(), r.value3(), Arrays.asList(r.value4()), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9()));
    }
}
