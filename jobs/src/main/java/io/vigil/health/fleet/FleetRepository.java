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

/** Reads the fleet for the health check: what to probe. Operators read it through {@link FleetQueries}. */
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

    private static MonitoredTarget target(MonitoredConnectionRecord r) {
        return new MonitoredTarget(r.getId(), r.getName(), Provider.valueOf(r.getProvider()), r.getAddress(),
                r.getUsername(), r.getCredentialsRef(), Duration.ofMillis(r.getTimeoutMs()),
                Duration.ofMillis(r.getLatencySloMs()), Arrays.asList(r.getTags()));
    }
}
