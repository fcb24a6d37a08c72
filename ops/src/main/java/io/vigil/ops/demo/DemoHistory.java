package io.vigil.ops.demo;

import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The demo's past, generated in the database with set-based SQL (generate_series) so a million rows take
 * seconds: 30 days of five-minute health checks, each target's as its {@link TargetPast} says, and events
 * of four applications with a billing incident in the last two days.
 */
final class DemoHistory {

    static final Duration SPAN = Duration.ofDays(30);

    private final DSLContext dsl;

    DemoHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Checks for every slot of the 30 days before {@code until} (exclusive), for each named connection;
     * returns the rows written.
     */
    int healthChecks(Map<String, TargetPast> pasts, Instant until) {
        Instant start = until.minus(SPAN);
        new MonthlyPartitions(dsl).ensure(PartitionedTable.HEALTH_CHECK, start, 2);
        int written = 0;
        for (Map.Entry<String, TargetPast> target : pasts.entrySet()) {
            written += healthChecks(target.getKey(), target.getValue(), start, until);
        }
        return written;
    }

    private int healthChecks(String connection, TargetPast past, Instant start, Instant until) {
        return dsl.execute("""
                INSERT INTO vigil.health_check (connection_id, slot, checked_at, status, latency_ms, error_class, error_message)
                SELECT c.id, s.slot, s.slot + interval '1 second',
                       CASE WHEN r.down THEN 'DOWN' WHEN r.latency > c.latency_slo_ms THEN 'DEGRADED' ELSE 'UP' END,
                       CASE WHEN NOT r.down THEN r.latency END,
                       CASE WHEN r.down THEN {3} END,
                       CASE WHEN r.down THEN {4} END
                FROM vigil.monitored_connection c
                CROSS JOIN generate_series({0}, {1} - interval '5 minutes', interval '5 minutes') AS s(slot)
                CROSS JOIN LATERAL (
                    SELECT random() < {5} AS down,
                           {6} + random() * {7}
                               + {8} * greatest(0, sin(pi() * (extract(hour FROM s.slot AT TIME ZONE 'UTC') - 6) / 12))
                               AS latency) r
                WHERE c.name = {2}
                ON CONFLICT (connection_id, slot) DO NOTHING""",
                time(start), time(until), DSL.val(connection), DSL.val(past.errorClass(), SQLDataType.CLOB),
                DSL.val(past.errorMessage(), SQLDataType.CLOB), number(past.downShare()), number(past.latencyMs()),
                number(past.latencySpreadMs()), number(past.daytimeExtraMs()));
    }

    /** {@code count} events spread evenly over the 30 days before {@code until}, in time order. */
    int events(Instant until, int count) {
        Instant start = until.minus(SPAN);
        new MonthlyPartitions(dsl).ensure(PartitionedTable.EVENT, start, 2);
        return dsl.execute("""
                INSERT INTO vigil.event (occurred_at, source, type, subject, value, outcome, properties, received_at)
                SELECT e.t, e.source, e.type, 'user-' || (random() * 4999)::int,
                       CASE WHEN e.type = 'checkout' THEN round((random() * 200)::numeric, 2)::float8 END,
                       CASE WHEN random() < CASE WHEN e.source = 'billing' AND e.t > {1} - interval '2 days'
                                                 THEN 0.15 ELSE 0.02 END
                            THEN 'FAILURE' ELSE 'SUCCESS' END,
                       '{}'::jsonb, e.t
                FROM (SELECT {0} + (g::float8 / {2}) * ({1} - {0}) AS t,
                             (ARRAY['shop', 'billing', 'search', 'auth'])[1 + g % 4] AS source,
                             (ARRAY['page_view', 'checkout', 'login'])[1 + (g / 4) % 3] AS type
                      FROM generate_series(0, {2} - 1) AS g) e""",
                time(start), time(until), DSL.val(count).cast(SQLDataType.INTEGER));
    }

    private static Field<Double> number(double value) {
        return DSL.val(value).cast(SQLDataType.DOUBLE);
    }

    private static Field<Instant> time(Instant value) {
        return DSL.val(value).cast(SQLDataType.INSTANT);
    }
}
