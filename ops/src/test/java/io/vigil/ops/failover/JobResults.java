package io.vigil.ops.failover;

import io.vigil.testing.EventData;
import io.vigil.testing.TestSmtp;
import java.time.Instant;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * What a job leaves behind, as text to compare with a clean run's: its data, never the bookkeeping of
 * its runs (a recovered slot has two runs, a takeover record and a JOB_FAILED alert, and its times
 * differ). Each part is named, so a difference says where it is.
 */
final class JobResults {

    private JobResults() {
    }

    static String of(String job, DSLContext dsl, Instant slot, TestSmtp smtp) {
        EventData data = new EventData(dsl, 0);
        return switch (job) {
            case "healthCheckJob" -> String.join("\n",
                    part("checks", dsl, "SELECT c.name, h.slot, h.status, h.error_message FROM vigil.health_check h "
                            + "JOIN vigil.monitored_connection c ON c.id = h.connection_id WHERE h.slot >= ?::timestamptz ORDER BY 1, 2", slot.toString()),
                    part("circuits", dsl, "SELECT c.name, s.state, s.consecutive_failures, s.last_slot FROM vigil.circuit_state s "
                            + "JOIN vigil.monitored_connection c ON c.id = s.connection_id ORDER BY 1"),
                    part("alerts", dsl, "SELECT r.name, a.subject, a.state, a.firing_notified, a.last_evaluated_slot "
                            + "FROM vigil.alert a JOIN vigil.alert_rule r ON r.id = a.rule_id WHERE r.type <> 'JOB_FAILED' ORDER BY 1, 2"),
                    part("evaluations", dsl, "SELECT slot, alerts_changed, emails_queued FROM vigil.alert_evaluation ORDER BY 1"),
                    outbox(dsl));
            case "rollupJob" -> String.join("\n", "events by hour:\n" + data.eventsByHourRollup(),
                    "health by hour:\n" + data.healthByHourRollup(), watermarks(dsl), pending(dsl),
                    part("changes left", dsl, "SELECT count(*) FROM vigil.health_check_change"));
            case "dailyRollupJob" -> String.join("\n", "events by day:\n" + data.eventsByDayRollup(),
                    "health by day:\n" + data.healthByDayRollup(), pending(dsl),
                    part("event summary", dsl, "SELECT day, source, events, failures, round(failure_rate::numeric, 9), types, "
                            + "round(value_sum::numeric, 6) FROM vigil.event_daily_summary ORDER BY 1, 2"),
                    // Its periods end at the refresh's now(): which rows it has is the run's, its figures the clock's.
                    part("health summary", dsl, "SELECT connection_id, period FROM vigil.connection_health_summary ORDER BY 1, 2"));
            case "retentionJob" -> String.join("\n",
                    part("partitions", dsl, "SELECT p.relname, c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                            + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname IN ('event', 'health_check') ORDER BY 1, 2"),
                    part("rows", dsl, "SELECT (SELECT count(*) FROM vigil.event), (SELECT count(*) FROM vigil.health_check), "
                            + "(SELECT count(*) FROM vigil.db_stats_snapshot), (SELECT count(*) FROM vigil.email_outbox), "
                            + "(SELECT count(*) FROM vigil.alert a JOIN vigil.alert_rule r ON r.id = a.rule_id WHERE r.type <> 'JOB_FAILED'), "
                            + "(SELECT count(*) FROM vigil.event_rollup_hourly), "
                            + "(SELECT count(*) FROM vigil.health_rollup_daily)"));
            case "mailDeliveryJob" -> String.join("\n", outbox(dsl), received(dsl, smtp));
            default -> throw new IllegalArgumentException("the loop has no results for " + job);
        };
    }

    private static String outbox(DSLContext dsl) {
        return part("outbox", dsl, "SELECT dedupe_key, recipients, subject, status FROM vigil.email_outbox ORDER BY 1");
    }

    /**
     * Every email the outbox says was sent arrived, and nothing else did. Delivery is at least once (an
     * email sent just before a kill is sent again by the restart), so arrivals are compared as a set.
     */
    private static String received(DSLContext dsl, TestSmtp smtp) {
        var arrived = new TreeSet<>(TestSmtp.messageIds(smtp.received()).stream().map(JobResults::bare).toList());
        var sent = new TreeSet<>(dsl.fetchValues("SELECT message_id FROM vigil.email_outbox WHERE status = 'SENT'").stream()
                .map(id -> bare(String.valueOf(id))).toList());
        return "arrived equals sent: " + arrived.equals(sent) + " (" + sent.size() + " sent)";
    }

    private static String bare(String messageId) {
        return messageId.replaceAll("[<>]", "");
    }

    private static String watermarks(DSLContext dsl) {
        return part("watermarks", dsl, "SELECT rollup, folded_through FROM vigil.rollup_watermark ORDER BY 1");
    }

    private static String pending(DSLContext dsl) {
        return part("days pending", dsl, "SELECT rollup, day FROM vigil.daily_rollup_pending ORDER BY 1, 2");
    }

    private static String part(String name, DSLContext dsl, String sql, Object... binds) {
        return name + ":\n" + dsl.fetch(sql, binds).formatCSV(false);
    }
}
