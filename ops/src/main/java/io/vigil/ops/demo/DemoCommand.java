package io.vigil.ops.demo;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.database.DatabaseConfiguration.EmbeddedDatabaseHolder;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.FleetQueries;
import io.vigil.health.fleet.FleetStatus;
import io.vigil.health.fleet.FleetSync;
import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.mail.OutboxQueries;
import io.vigil.ops.CommandFailure;
import io.vigil.ops.ExecutionReport;
import io.vigil.ops.ListTables;
import io.vigil.ops.SpringVigilContext;
import io.vigil.rollup.DailyRollupJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.RunQueries;
import io.vigil.runs.Slot;
import io.vigil.runs.SyncReport;
import io.vigil.schedule.Schedules;
import io.vigil.schedule.SlotLauncher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = {"Shows Vigil at work in about a minute, on a database of its own.",
                "Starts a fresh embedded PostgreSQL in a new temporary directory and declares a fleet of real targets "
                        + "on this machine: that PostgreSQL, Redis and MariaDB if they answer, a slow HTTP endpoint it "
                        + "serves itself, a port where nothing listens.",
                "It gives each target 30 days of history that fits what the target is (the slow one slow, the "
                        + "unreachable one down throughout), and a million events, generated in the database.",
                "Then it health-checks the fleet, which evaluates the alert rules on that history, runs the rollups, "
                        + "and prints what it found and what the materialised views make of it.",
                "The unreachable and the slow target fire alerts, whose email is written as an .eml file into the "
                        + "demo's directory (no SMTP server needed).",
                "Spring properties given on the command line do not apply to it. Nothing is left running. The "
                        + "directory keeps the demo's configuration in config/application.properties, so that vigil "
                        + "commands run from there work on the demo's database; the demo prints them, and the disk "
                        + "it leaves."})
public final class DemoCommand implements Callable<Integer> {

    private static final String JOB = HealthCheckJobConfiguration.JOB;

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000",
            description = "How many events of history to generate (default: ${DEFAULT-VALUE}).")
    private int events;

    @Override
    public Integer call() {
        if (events < 0) {
            throw new CommandFailure("--events must be 0 or more, was " + events
                    + ": give how many events to generate, such as --events 100000");
        }
        PrintWriter out = spec.commandLine().getOut();
        DemoDirectory directory = DemoDirectory.create();
        out.println("Vigil demo in " + directory.path());
        Shown shown = show(directory, out);
        // Measured once the demo's PostgreSQL has stopped, so that the figure is what stays.
        new DemoNextSteps(directory.path(), directory.size(), shown.healthCheckRun(), shown.lastingTargets(),
                shown.vigilItselfPort(), DemoNextSteps.vigilCommand()).print(out);
        out.flush();
        return shown.completed() ? 0 : 1;
    }

    /** What the demo did that its last lines speak of. */
    private record Shown(boolean completed, long healthCheckRun, int vigilItselfPort, List<String> lastingTargets) {
    }

    /** Everything that runs while the demo's PostgreSQL and HTTP endpoint do. */
    private Shown show(DemoDirectory directory, PrintWriter out) {
        try (SlowHttpEndpoint slow = SlowHttpEndpoint.start(DemoFleet.SLOW_ANSWER)) {
            DemoFleet fleet = DemoFleet.onThisMachine(slow.url());
            List<String> alerting = DemoAlerting.configuration(directory.outbox());
            directory.writeConfiguration(concat(fleet.configuration(), alerting));
            try (SpringVigilContext context = SpringVigilContext.forCommands(List.of(directory.configurationOption()))) {
                int vigilItselfPort = context.bean(EmbeddedDatabaseHolder.class).database().port();
                fleet.addVigilItself(vigilItselfPort);
                directory.writeConfiguration(concat(fleet.configuration(), alerting));
                declare(context, out, fleet);
                // One slot for the history and the check, so the check continues the history without a gap.
                Slot slot = context.bean(Schedules.class).currentSlot(JOB, context.bean(Clock.class));
                history(context, out, fleet, slot.start());
                JobExecution run = launch(context, out, JOB, slot);
                boolean rolledUp = completed(launch(context, out, RollupJobConfiguration.JOB))
                        & completed(launch(context, out, DailyRollupJobConfiguration.JOB));
                List<FleetStatus> statuses = context.bean(FleetQueries.class).statuses();
                printTables(context, out, statuses);
                boolean mailed = mail(context, out, directory.outbox());
                return new Shown(completed(run) && rolledUp && mailed, run.getId(), vigilItselfPort,
                        answering(fleet.outlivingTheDemo(), statuses));
            }
        }
    }

    private static void declare(SpringVigilContext context, PrintWriter out, DemoFleet fleet) {
        SyncReport report = context.bean(FleetSync.class).sync(fleet.connections());
        if (!report.invalid().isEmpty()) {
            throw new CommandFailure("the demo fleet was rejected: " + report.invalid());
        }
        out.println("declared " + report.synced().size() + " connections: " + String.join(", ", report.synced()));
        fleet.notes().forEach(note -> out.println("  " + note));
        SyncReport rules = context.bean(AlertRuleSync.class).sync(context.bean(AlertsProperties.class));
        if (!rules.invalid().isEmpty()) {
            throw new CommandFailure("the demo's alert rules were rejected: " + rules.invalid());
        }
    }

    /** 30 days of history before {@code until}, written before the check so that its alerts judge it. */
    private void history(SpringVigilContext context, PrintWriter out, DemoFleet fleet, Instant until) {
        out.println();
        out.println("generating 30 days of history, each target's true to what it is:");
        int width = fleet.pasts().keySet().stream().mapToInt(String::length).max().orElse(0);
        fleet.pasts().forEach((name, past) -> out.println("  " + pad(name, width) + "  " + past.story()));
        out.flush();
        long started = System.nanoTime();
        DemoHistory history = new DemoHistory(context.bean(DSLContext.class));
        int checks = history.healthChecks(fleet.pasts(), until);
        int generated = history.events(context.bean(Clock.class).instant(), events);
        out.printf(Locale.ROOT, "  %d health checks and %d events in %.1f s%n", checks, generated,
                (System.nanoTime() - started) / 1e9);
        out.println();
    }

    private static void printTables(SpringVigilContext context, PrintWriter out, List<FleetStatus> statuses) {
        DemoSummary summary = new DemoSummary(context.bean(DSLContext.class));
        out.println();
        out.println("Fleet, as checked now (vigil fleet list)");
        out.print(ListTables.fleet(statuses).render());
        out.println();
        out.println("Health over the history and this check (vigil.connection_health_summary)");
        out.print(summary.health().render());
        out.println();
        out.println("Events, last 3 days (vigil.event_daily_summary)");
        out.print(summary.events(3).render());
        out.println();
        out.println("Runs");
        out.print(ListTables.runs(context.bean(RunQueries.class).list(null, null, 20)).render());
        out.println();
    }

    /** Delivers what the alerts queued: with no SMTP server, as .eml files. */
    private static boolean mail(SpringVigilContext context, PrintWriter out, Path outbox) {
        boolean completed = completed(launch(context, out, MailDeliveryJobConfiguration.JOB));
        out.println();
        out.println("Mail (no SMTP server is configured, so each email is an .eml file in " + outbox + ")");
        out.print(ListTables.emails(context.bean(OutboxQueries.class).list(null, 20)).render());
        if (Files.isDirectory(outbox)) {
            try (Stream<Path> files = Files.list(outbox)) {
                files.sorted().forEach(file -> out.println("  " + file));
            } catch (IOException e) {
                throw new UncheckedIOException("could not list the demo's outbox " + outbox, e);
            }
        }
        out.println();
        return completed;
    }

    private static JobExecution launch(SpringVigilContext context, PrintWriter out, String job) {
        return launch(context, out, job, context.bean(Schedules.class).currentSlot(job, context.bean(Clock.class)));
    }

    private static JobExecution launch(SpringVigilContext context, PrintWriter out, String job, Slot slot) {
        out.println("running " + job + " for slot " + slot + " ...");
        out.flush();
        SlotLauncher.Outcome outcome = context.bean(SlotLauncher.class).launch(job, slot, "demo");
        if (!(outcome instanceof SlotLauncher.Started started)) {
            throw new CommandFailure("the demo's fresh database had a run for slot " + slot + " already: "
                    + ((SlotLauncher.Skipped) outcome).reason());
        }
        ExecutionReport.print(out, started.execution());
        return started.execution();
    }

    private static boolean completed(JobExecution run) {
        return run.getStatus() == BatchStatus.COMPLETED;
    }

    /** Of {@code names}, those the check found answering, in their order. */
    private static List<String> answering(List<String> names, List<FleetStatus> statuses) {
        Set<String> answered = statuses.stream()
                .filter(s -> "UP".equals(s.lastStatus()) || "DEGRADED".equals(s.lastStatus()))
                .map(FleetStatus::name)
                .collect(Collectors.toSet());
        return names.stream().filter(answered::contains).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
