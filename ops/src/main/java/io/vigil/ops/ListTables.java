package io.vigil.ops;

import io.vigil.health.fleet.FleetStatus;
import io.vigil.mail.OutboxEntry;
import io.vigil.runs.RunSummary;
import java.util.List;

/** The tables of the list commands, which the demo prints too, so that it shows what they will show. */
public final class ListTables {

    /** The fleet as {@code vigil fleet list} shows it. */
    public static Table fleet(List<FleetStatus> fleet) {
        Table table = Table.of("NAME", "PROVIDER", "ADDRESS", "TAGS", "ENABLED", "STATUS", "CHECKED", "LATENCY MS",
                "CIRCUIT", "ERROR");
        fleet.forEach(c -> table.row(c.name(), c.provider(), c.address(), c.tags(), c.enabled(), c.lastStatus(),
                c.lastCheckedAt(), c.lastLatencyMs() == null ? null : Math.round(c.lastLatencyMs()), circuit(c), error(c)));
        return table;
    }

    private static String circuit(FleetStatus c) {
        return c.nextFullProbeAt() == null ? c.circuit().toLowerCase() : "open, full probe at " + Table.text(c.nextFullProbeAt());
    }

    /** A skipped check has no error of its own: what the target last did is what the operator needs. */
    private static String error(FleetStatus c) {
        if (!"SKIPPED".equals(c.lastStatus())) {
            return c.lastError() != null || c.notVisible() == null ? c.lastError() : c.notVisible();
        }
        String skipped = c.lastError() == null ? "skipped, circuit open" : c.lastError();
        if (c.lastRealStatus() == null) {
            return skipped + "; never checked for real";
        }
        return skipped + "; last real check " + c.lastRealStatus() + " at " + Table.text(c.lastRealCheckedAt())
                + (c.lastRealError() == null ? "" : ": " + c.lastRealError());
    }

    /** Runs as {@code vigil jobs list} shows them. */
    public static Table runs(List<RunSummary> runs) {
        Table table = Table.of("ID", "JOB", "SLOT", "STATUS", "STARTED", "ENDED", "EXIT CODE");
        runs.forEach(run -> table.row(run.id(), run.job(), run.slot(), run.status(), run.startTime(), run.endTime(),
                run.exitCode()));
        return table;
    }

    /** Emails as {@code vigil mail list} shows them. */
    public static Table emails(List<OutboxEntry> emails) {
        Table table = Table.of("ID", "STATUS", "ATTEMPTS", "CREATED", "NEXT ATTEMPT", "SENT", "RECIPIENTS", "SUBJECT",
                "LAST ERROR");
        emails.forEach(e -> table.row(e.id(), e.status(), e.attempts(), e.createdAt(), e.nextAttemptAt(), e.sentAt(),
                e.recipients(), e.subject(), e.lastError()));
        return table;
    }

    private ListTables() {
    }
}
