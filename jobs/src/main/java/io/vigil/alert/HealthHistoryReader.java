package io.vigil.alert;

import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.alert.evaluation.Check;
import io.vigil.alert.evaluation.ConnectionHistory;
import io.vigil.alert.evaluation.StatsSample;
import io.vigil.alert.rule.RuleValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The last day of checks and the latest stats of every enabled connection, as of a slot. Raw rows, so
 * what a rule decides and what its email says are exact; a day of five-minute checks is 288 rows each.
 */
public class HealthHistoryReader {

    /**
     * DbStats.REPLICATION_STOPPED, the details key a stopped replica reports; spelt out because the alert
     * engine does not depend on the probes (ReplicationLagAlertTest writes it with the probes' constant).
     */
    static final String REPLICATION_STOPPED = "replicationStopped";

    public List<ConnectionHistory> load(DSLContext tx, Instant slot) {
        Instant from = slot.minus(RuleValidator.MAX_WINDOW);
        Map<Long, List<Check>> checks = new HashMap<>();
        tx.select(HEALTH_CHECK.CONNECTION_ID, HEALTH_CHECK.SLOT, HEALTH_CHECK.CHECKED_AT, HEALTH_CHECK.STATUS,
                        HEALTH_CHECK.LATENCY_MS, HEALTH_CHECK.ERROR_MESSAGE)
                .from(HEALTH_CHECK)
                .where(HEALTH_CHECK.SLOT.gt(from)).and(HEALTH_CHECK.SLOT.le(slot))
                // Slot order is the index's order; grouping by connection below keeps it within each.
                .orderBy(HEALTH_CHECK.SLOT)
                .forEach(r -> checks.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new Check(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        Map<Long, StatsSample> stats = new HashMap<>();
        tx.selectDistinct(DB_STATS_SNAPSHOT.CONNECTION_ID, DB_STATS_SNAPSHOT.SLOT, DB_STATS_SNAPSHOT.CONNECTIONS_USED,
                        DB_STATS_SNAPSHOT.CONNECTIONS_MAX, DB_STATS_SNAPSHOT.MEMORY_USED_BYTES,
                        DB_STATS_SNAPSHOT.MEMORY_MAX_BYTES, DB_STATS_SNAPSHOT.SERVER_STARTED_AT,
                        DB_STATS_SNAPSHOT.REPLICATION_LAG_SECONDS,
                        DSL.jsonbGetAttributeAsText(DB_STATS_SNAPSHOT.DETAILS, REPLICATION_STOPPED))
                .on(DB_STATS_SNAPSHOT.CONNECTION_ID)
                .from(DB_STATS_SNAPSHOT)
                .where(DB_STATS_SNAPSHOT.SLOT.gt(from)).and(DB_STATS_SNAPSHOT.SLOT.le(slot))
                .orderBy(DB_STATS_SNAPSHOT.CONNECTION_ID, DB_STATS_SNAPSHOT.SLOT.desc())
                .forEach(r -> stats.put(r.value1(), new StatsSample(r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9())));
        return tx.select(MONITORED_CONNECTION.ID, MONITORED_CONNECTION.NAME, MONITORED_CONNECTION.TAGS,
                        MONITORED_CONNECTION.LATENCY_SLO_MS)
                .from(MONITORED_CONNECTION)
                .where(MONITORED_CONNECTION.ENABLED.isTrue())
                .orderBy(MONITORED_CONNECTION.NAME)
                .fetch(r -> new ConnectionHistory(r.value1(), r.value2(), Arrays.asList(r.value3()),
                        Duration.ofMillis(r.value4()), checks.getOrDefault(r.value1(), List.of()), stats.get(r.value1())));
    }
}
