package io.vigil.testing;

import static io.vigil.db.jooq.Tables.EVENT;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Seeded random events and health checks for rollup tests, and the direct SQL aggregation of the raw
 * rows that the rollups must equal (rounded, since a sum of doubles depends on the order of addition).
 */
public final class EventData {

    public static final List<String> SOURCES = List.of("shop", "billing", "search");
    public static final List<String> TYPES = List.of("page_view", "checkout", "query");

    private final DSLContext dsl;
    private final Random random;

    public EventData(DSLContext dsl, long seed) {
        this.dsl = dsl;
        this.random = new Random(seed);
    }

    /** {@code count} events with occurred-at times spread over {@code span} before {@code end}. */
    public void insertEvents(int count, Instant end, Duration span) {
        new MonthlyPartitions(dsl).ensure(PartitionedTable.EVENT, end.minus(span), 2);
        var insert = insertStep();
        for (int i = 0; i < count; i++) {
            Instant at = end.minusMillis((long) (random.nextDouble() * span.toMillis()));
            insert = insert.values(at, pick(SOURCES), pick(TYPES),
                    random.nextInt(10) == 0 ? null : "user-" + random.nextInt(40),
                    random.nextInt(5) == 0 ? null : Math.round(random.nextDouble() * 100_000) / 100.0,
                    random.nextInt(3) == 0 ? null : random.nextInt(4) == 0 ? "FAILURE" : "SUCCESS",
                    JSONB.valueOf("{\"i\":" + i + "}"));
        }
        insert.execute();
    }

    public InsertValuesStep7<?, Instant, String, String, String, Double, String, JSONB> insertStep() {
        return dsl.insertInto(EVENT, EVENT.OCCURRED_AT, EVENT.SOURCE, EVENT.TYPE, EVENT.SUBJECT, EVENT.VALUE,
                EVENT.OUTCOME, EVENT.PROPERTIES);
    }

    /** Connections named c0..c{n-1}; returns their ids. */
    public List<Long> connections(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(dsl.insertInto(MONITORED_CONNECTION, MONITORED_CONNECTION.NAME, MONITORED_CONNECTION.PROVIDER,
                            MONITORED_CONNECTION.ADDRESS, MONITORED_CONNECTION.TIMEOUT_MS, MONITORED_CONNECTION.LATENCY_SLO_MS)
                    .values("c" + i, "HTTP", "http://127.0.0.1:1/c" + i, 1000, 500)
                    .returning(MONITORED_CONNECTION.ID).fetchOne(MONITORED_CONNECTION.ID));
        }
        return ids;
    }

    /** One check per connection per five-minute slot in [from, to), upserted as the health job does. */
    public void checks(List<Long> connections, Instant from, Instant to) {
        new MonthlyPartitions(dsl).ensure(PartitionedTable.HEALTH_CHECK, from, 2);
        var insert = dsl.insertInto(HEALTH_CHECK, HEALTH_CHECK.CONNECTION_ID, HEALTH_CHECK.SLOT, HEALTH_CHECK.CHECKED_AT,
                HEALTH_CHECK.STATUS, HEALTH_CHECK.LATENCY_MS, HEALTH_CHECK.ERROR_MESSAGE);
        for (Instant slot = from; slot.isBefore(to); slot = slot.plus(Duration.ofMinutes(5))) {
            for (long connection : connections) {
                String status = pick(List.of("UP", "UP", "UP", "UP", "DEGRADED", "DOWN", "SKIPPED"));
                Double latency = status.equals("SKIPPED") ? null : Math.round(random.nextDouble() * 90_000) / 100.0;
                insert = insert.values(connection, slot, slot.plusSeconds(1), status, latency,
                        status.equals("DOWN") ? "refused" : null);
            }
        }
        insert.onConflict(HEALTH_CHECK.CONNECTION_ID, HEALTH_CHECK.SLOT).doUpdate()
                .set(HEALTH_CHECK.STATUS, DSL.excluded(HEALTH_CHECK.STATUS))
                .set(HEALTH_CHECK.LATENCY_MS, DSL.excluded(HEALTH_CHECK.LATENCY_MS))
                .set(HEALTH_CHECK.ERROR_MESSAGE, DSL.excluded(HEALTH_CHECK.ERROR_MESSAGE))
                .execute();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static final String EVENT_MEASURES = """
            count(*), count(*) FILTER (WHERE outcome = 'FAILURE'),
            round((count(*) FILTER (WHERE outcome = 'FAILURE'))::numeric / count(*), 9),
            count(DISTINCT subject), count(value), round(sum(value)::numeric, 6), min(value), max(value),
            round(avg(value)::numeric, 6), round((percentile_cont(0.95) WITHIN GROUP (ORDER BY value))::numeric, 6)""";

    private static final String EVENT_ROLLUP_MEASURES = """
            events, failures, round(failure_rate::numeric, 9), distinct_subjects, value_count,
            round(value_sum::numeric, 6), value_min, value_max, round(value_avg::numeric, 6), round(value_p95::numeric, 6)""";

    private static final String HEALTH_MEASURES = """
            count(*), count(*) FILTER (WHERE status = 'UP'), count(*) FILTER (WHERE status = 'DEGRADED'),
            count(*) FILTER (WHERE status = 'DOWN'), count(*) FILTER (WHERE status = 'SKIPPED'),
            round((count(*) FILTER (WHERE status IN ('UP', 'DEGRADED')))::numeric
                  / nullif(count(*) FILTER (WHERE status <> 'SKIPPED'), 0), 9),
            round(avg(latency_ms)::numeric, 6),
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms))::numeric, 6),
            round((percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms))::numeric, 6), max(latency_ms)""";

    private static final String HEALTH_ROLLUP_MEASURES = """
            checks, up, degraded, down, skipped, round(availability::numeric, 9), round(latency_avg_ms::numeric, 6),
            round(latency_p50_ms::numeric, 6), round(latency_p95_ms::numeric, 6), latency_max_ms""";

    public String eventsByHourDirect() {
        return csv("SELECT date_trunc('hour', occurred_at, 'UTC'), source, type, " + EVENT_MEASURES
                + " FROM vigil.event GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    }

    public String eventsByHourRollup() {
        return csv("SELECT hour, source, type, " + EVENT_ROLLUP_MEASURES + " FROM vigil.event_rollup_hourly ORDER BY 1, 2, 3");
    }

    public String eventsByDayDirect() {
        return csv("SELECT (occurred_at AT TIME ZONE 'UTC')::date, source, type, " + EVENT_MEASURES
                + " FROM vigil.event GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    }

    public String eventsByDayRollup() {
        return csv("SELECT day, source, type, " + EVENT_ROLLUP_MEASURES + " FROM vigil.event_rollup_daily ORDER BY 1, 2, 3");
    }

    public String healthByHourDirect() {
        return csv("SELECT connection_id, date_trunc('hour', slot, 'UTC'), " + HEALTH_MEASURES
                + " FROM vigil.health_check GROUP BY 1, 2 ORDER BY 1, 2");
    }

    public String healthByHourRollup() {
        return csv("SELECT connection_id, hour, " + HEALTH_ROLLUP_MEASURES + " FROM vigil.health_rollup_hourly ORDER BY 1, 2");
    }

    public String healthByDayDirect() {
        return csv("SELECT connection_id, (slot AT TIME ZONE 'UTC')::date, " + HEALTH_MEASURES
                + " FROM vigil.health_check GROUP BY 1, 2 ORDER BY 1, 2");
    }

    public String healthByDayRollup() {
        return csv("SELECT connection_id, day, " + HEALTH_ROLLUP_MEASURES + " FROM vigil.health_rollup_daily ORDER BY 1, 2");
    }

    private String csv(String sql) {
        return dsl.fetch(sql).formatCSV(false);
    }
}
