package io.vigil.health.fleet;

import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.db.jooq.tables.records.MonitoredConnectionRecord;
import io.vigil.health.probe.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads the fleet. */
public class FleetRepository {

    private final DSLContext dsl;

    public FleetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Enabled connections with no check for the slot yet: on a restart, exactly the ones still to probe. */
    public List<MonitoredTarget> enabledWithoutCheck(Instant slot) {
        return dsl.selectFrom(MONITORED_CONNECTION)
                .where(MONITORED_CONNECTION.ENABLED.isTrue())
                .andNotExists(DSL.selectOne().from(HEALTH_CHECK)
                        .where(HEALTH_CHECK.CONNECTION_ID.eq(MONITORED_CONNECTION.ID))
                        .and(HEALTH_CHECK.SLOT.eq(slot)))
                .orderBy(MONITORED_CONNECTION.ID)
                .fetch(FleetRepository::target);
    }

    public Optional<MonitoredTarget> findByName(String name) {
        return dsl.selectFrom(MONITORED_CONNECTION)
                .where(MONITORED_CONNECTION.NAME.eq(name))
                .fetchOptional(FleetRepository::target);
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

    private static MonitoredTarget target(MonitoredConnectionRecord r) {
        return new MonitoredTarget(r.getId(), r.getName(), Provider.valueOf(r.getProvider()), r.getAddress(),
                r.getUsername(), r.getCredentialsRef(), Duration.ofMillis(r.getTimeoutMs()),
                Duration.ofMillis(r.getLatencySloMs()), Arrays.asList(r.getTags()));
    }
}
