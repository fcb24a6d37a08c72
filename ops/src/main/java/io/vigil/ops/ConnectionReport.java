package io.vigil.ops;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.vigil.alert.AlertSummary;
import io.vigil.alert.notification.AvailabilityText;
import io.vigil.health.fleet.ConnectionDetail;
import io.vigil.health.fleet.ConnectionDetail.Circuit;
import io.vigil.health.fleet.ConnectionDetail.Summary;
import io.vigil.health.fleet.ConnectionDetail.Window;
import io.vigil.health.fleet.FleetStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code vigil fleet show} says about one connection: its detail and its active alerts, as text or,
 * unwrapped into one object, as JSON.
 */
record ConnectionReport(@JsonUnwrapped ConnectionDetail detail, List<AlertSummary> activeAlerts) {

    ConnectionReport {
        activeAlerts = List.copyOf(activeAlerts);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        FleetStatus c = detail.connection();
        out.append(c.name()).append(": ").append(c.provider()).append(" at ").append(c.address())
                .append(c.tags().isEmpty() ? "" : ", tags " + String.join(", ", c.tags()))
                .append(c.enabled() ? "" : ", disabled (not checked; its history is kept)").append('\n');
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("last check", lastCheck(c));
        facts.put("circuit", circuit(detail.circuit()));
        lines(out, facts);
        availability(out, detail.summary());
        stats(out);
        statusChanges(out);
        alerts(out);
        return out.toString();
    }

    private static String lastCheck(FleetStatus c) {
        if (c.lastStatus() == null) {
            return "never checked";
        }
        String check = c.lastStatus() + " at " + Table.text(c.lastCheckedAt())
                + (c.lastLatencyMs() == null ? "" : " in " + Units.millis(c.lastLatencyMs()))
                + (c.lastError() == null ? "" : ": " + Table.text(c.lastError()));
        if (!"SKIPPED".equals(c.lastStatus())) {
            return check;
        }
        return check + (c.lastRealStatus() == null ? "; never checked for real"
                : "; last real check " + c.lastRealStatus() + " at " + Table.text(c.lastRealCheckedAt())
                        + (c.lastRealError() == null ? "" : ": " + Table.text(c.lastRealError())));
    }

    private static String circuit(Circuit circuit) {
        if (!"OPEN".equals(circuit.state())) {
            return circuit.consecutiveFailures() == 0 ? "closed"
                    : "closed, " + failures(circuit.consecutiveFailures()) + " in a row";
        }
        return "open since " + Table.text(circuit.openedAt()) + " after " + failures(circuit.consecutiveFailures())
                + " in a row; next full probe at " + Table.text(circuit.nextAttemptAt());
    }

    private static String failures(int count) {
        return count + (count == 1 ? " failure" : " failures");
    }

    private void availability(StringBuilder out, Summary summary) {
        out.append('\n');
        String hint = SummaryAge.refreshHint(detail.readAt());
        if (!summary.refreshed()) {
            out.append("availability: not computed yet, the health summary has never been refreshed.\n  ")
                    .append(hint).append('\n');
            return;
        }
        String asOf = SummaryAge.asOf(summary.refreshedAt(), detail.readAt());
        if (summary.windows().isEmpty()) {
            out.append("availability: ").append(detail.connection().name()).append(" is not in the health summary ")
                    .append(asOf).append(" (it was added since).\n  ").append(hint).append('\n');
            return;
        }
        out.append("availability, from the health summary ").append(asOf).append(":\n");
        for (Window w : summary.windows()) {
            String figure = AvailabilityText.of(w.availabilityPercent(), w.checks(), w.skipped(), words(w.span()));
            out.append("  ").append(figure == null ? "no checks over the last " + words(w.span()) : figure)
                    .append(w.latencyP95Ms() == null ? "" : "; p95 latency " + Units.millis(w.latencyP95Ms()))
                    .append('\n');
        }
    }

    /** "24 hours", "7 days": as the emails say it. */
    private static String words(Duration span) {
        return span.toHours() < 48 ? span.toHours() + " hours" : span.toDays() + " days";
    }

    private void stats(StringBuilder out) {
        out.append('\n');
        ConnectionDetail.Snapshot snapshot = detail.stats();
        if (snapshot == null) {
            out.append("stats: none yet (each successful probe of PostgreSQL, MySQL or Redis takes a snapshot)\n");
            return;
        }
        out.append("stats, from the snapshot of ").append(Table.text(snapshot.takenAt())).append(":\n");
        lines(out, StatsLines.of(snapshot.stats()));
    }

    private void statusChanges(StringBuilder out) {
        out.append('\n');
        if (detail.statusChanges().isEmpty()) {
            out.append("status changes: none").append(detail.oldestCheckAt() == null ? ""
                    : " since " + Table.text(detail.oldestCheckAt()) + ", the oldest check kept").append('\n');
            return;
        }
        out.append("status changes, newest first:\n");
        Table table = Table.of("TIME", "FROM", "TO", "ERROR");
        detail.statusChanges().forEach(change -> table.row(change.checkedAt(), change.from(), change.to(), change.error()));
        indent(out, table);
    }

    private void alerts(StringBuilder out) {
        out.append('\n');
        if (activeAlerts.isEmpty()) {
            out.append("active alerts: none\n");
            return;
        }
        out.append("active alerts:\n");
        Table table = Table.of("ID", "STATE", "SEVERITY", "RULE", "SINCE", "SILENCED", "DESCRIPTION");
        activeAlerts.forEach(a -> table.row(a.id(), a.state(), a.severity(), a.rule(), a.since(), a.silenced(),
                a.description()));
        indent(out, table);
    }

    private static void lines(StringBuilder out, Map<String, String> lines) {
        out.append(Table.labelled(lines));
    }

    private static void indent(StringBuilder out, Table table) {
        table.render().lines().forEach(line -> out.append("  ").append(line).append('\n'));
    }
}
