package io.vigil.health;

import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.health.status.HealthStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What each connection's last real (not SKIPPED) check said before a slot: what a new check is a change from. */
public class PreviousStatuses {

    private final DSLContext dsl;

    public PreviousStatuses(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Connections without a real check before {@code slot} are not in the map. */
    public Map<Long, HealthStatus> before(Collection<Long> connectionIds, Instant slot) {
        var previous = DSL.select(HEALTH_CHECK.STATUS)
                .from(HEALTH_CHECK)
                .where(HEALTH_CHECK.CONNECTION_ID.eq(MONITORED_CONNECTION.ID))
                .and(HEALTH_CHECK.SLOT.lt(slot))
                .and(HEALTH_CHECK.STATUS.ne(HealthStatus.SKIPPED.name()))
                .orderBy(HEALTH_CHECK.SLOT.desc())
                .limit(1)
                .asTable("previous");
        return dsl.select(MONITORED_CONNECTION.ID, previous.field(HEALTH_CHECK.STATUS))
                .from(MONITORED_CONNECTION)
                .crossJoin(DSL.lateral(previous))
                .where(MONITORED_CONNECTION.ID.in(connectionIds))
                .fetchMap(r -> r.value1(), r -> HealthStatus.valueOf(r.value2()));
    }
}
