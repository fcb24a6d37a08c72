package io.vigil.ops.demo;

import io.vigil.ops.Table;
import java.util.Locale;
import org.jooq.DSLContext;

/** What the demo shows from the materialised views after its rollups. */
final class DemoSummary {

    private final DSLContext dsl;

    DemoSummary(DSLContext dsl) {
        this.dsl = dsl;
    }

    Table health() {
        Table table = Table.of("NAME", "AVAIL 24H", "AVAIL 7D", "AVAIL 30D", "P95 MS 24H", "P95 MS 30D", "LAST STATUS",
                "LAST FAILURE");
        dsl.resultQuery("""
                SELECT name,
                       max(availability) FILTER (WHERE period = '24h'), max(availability) FILTER (WHERE period = '7d'),
                       max(availability) FILTER (WHERE period = '30d'),
                       round(max(latency_p95_ms) FILTER (WHERE period = '24h')),
                       round(max(latency_p95_ms) FILTER (WHERE period = '30d')),
                       max(last_status), max(last_failure_at)
                FROM vigil.connection_health_summary GROUP BY name ORDER BY name""")
                .fetch()
                .forEach(r -> table.row(r.get(0), percent(r.get(1)), percent(r.get(2)), percent(r.get(3)), r.get(4),
                        r.get(5), r.get(6), r.get(7)));
        return table;
    }

    Table events(int days) {
        Table table = Table.of("DAY", "SOURCE", "EVENTS", "FAILURES", "FAILURE RATE");
        dsl.resultQuery("""
                SELECT day, source, events, failures, failure_rate FROM vigil.event_daily_summary
                WHERE day > (SELECT max(day) FROM vigil.event_daily_summary) - ? ORDER BY day DESC, source""", days)
                .fetch()
                .forEach(r -> table.row(r.get(0), r.get(1), r.get(2), r.get(3), percent(r.get(4))));
        return table;
    }

    private static String percent(Object ratio) {
        return ratio == null ? null : String.format(Locale.ROOT, "%.2f%%", ((Number) ratio).doubleValue() * 100);
    }
}
