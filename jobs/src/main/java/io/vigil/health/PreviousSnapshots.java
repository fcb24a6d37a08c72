package io.vigil.health;

import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.health.fleet.SnapshotDetails;
import io.vigil.health.rates.CounterSample;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Each connection's latest stats snapshot before a slot, as far as rates need it: what a new snapshot's interval starts from. */
public class PreviousSnapshots {

    private final DSLContext dsl;

    public PreviousSnapshots(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** For a chunk's connections in one query; those without a snapshot before {@code slot} are not in the map. */
    public Map<Long, CounterSample> before(Collection<Long> connectionIds, Instant slot) {
        var previous = DSL.select(DB_STATS_SNAPSHOT.TAKEN_AT, DB_STATS_SNAPSHOT.SERVER_STARTED_AT, DB_STATS_SNAPSHOT.COUNTERS)
                .from(DB_STATS_SNAPSHOT)
                .where(DB_STATS_SNAPSHOT.CONNECTION_ID.eq(MONITORED_CONNECTION.ID))
                .and(DB_STATS_SNAPSHOT.SLOT.lt(slot))
                .orderBy(DB_STATS_SNAPSHOT.SLOT.desc())
                .limit(1)
                .asTable("previous");
        return dsl.select(MONITORED_CONNECTION.ID, previous.field(DB_STATS_SNAPSHOT.TAKEN_AT),
                        previous.field(DB_STATS_SNAPSHOT.SERVER_STARTED_AT), previous.field(DB_STATS_SNAPSHOT.COUNTERS))
                .from(MONITORED_CONNECTION)
                .crossJoin(DSL.lateral(previous))
                .where(MONITORED_CONNECTION.ID.in(connectionIds))
                .fetchMap(r -> r.value1(), r -> new CounterSample(r.value2(), r.value3(), SnapshotDetails.counters(r.value4())));
    }
}
