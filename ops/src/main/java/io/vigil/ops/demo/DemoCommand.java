package io.vigil.ops.demo;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.database.DatabaseConfiguration.EmbeddedDatabaseHolder;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.FleetQueries;
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
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = {"Shows Vigil at work in half a minute, on a database of its own.",
                "Starts a fresh embedded PostgreSQL in a new temporary directory, declares a fleet of real targets "
                        + "on this machine (that PostgreSQL, Redis and MariaDB if they answer, a slow HTTP endpoint it "
                        + "serves itself, a port where nothing listens), health-checks it once and prints what it found.",
                "Then it adds 30 days of history (health checks and a million events, generated in the database), "
                        + "runs the rollups and shows what the materialised views make of it.",
                "The unreachable and the slow target fire alerts, whose emails are written as .eml files into the "
                        + "demo's directory (no SMTP server needed).",
                "Spring properties given on the command line do not apply to it. Nothing is left running; the "
                        + "directory stays for the commands it suggests."})
public final class DemoCommand implements Callable<Integer> {

    private static final String JOB = HealthCheckJobConfiguration.JOB;

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000",
            description = "How many events of history to generate (default: ${DEFAULT-VALUE}).")
    private int events;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Files.createTempDirectory("vigil-demo-");
        Path configuration = home.resolve("vigil-demo.properties");
        Path data = home.resolve("data");
        String configOption = "--spring.config.additional-location=file:" + configuration;
        out.println("Vigil demo in " + home);
        try (SlowHttpEndpoint slow = SlowHttpEndpoint.start(DemoFleet.SLOW_ANSWER)) {
            DemoFleet fleet = DemoFleet.onThisMachine(slow.url());
            List<String> alerting = DemoAlerting.configuration(home);
            fleet.write(configuration, data, alerting);
            try (SpringVigilContext context = SpringVigilContext.forCommands(List.of(configOption))) {
                fleet.addVigilItself(context.bean(EmbeddedDatabaseHolder.class).database().port());
                fleet.write(configuration, data, alerting);
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
                JobExecution run = launch(context, out, JOB);
                boolean historyCompleted = history(context, out);
                out.println();
                out.println("Fleet");
                out.print(ListTables.fleet(context.bean(FleetQueries.class).statuses()).render());
                out.println();
                out.println("Runs");
                out.print(ListTables.runs(context.bean(RunQueries.class).list(null, null, 20)).render());
                out.println();
                boolean mailed = mail(context, out, DemoAlerting.outbox(home));
                printNextSteps(out, home, configOption, run.getId(), fleet.connections().getFirst().name());
                out.flush();
                return run.getStatus() == BatchStatus.COMPLETED && historyCompleted && mailed ? 0 : 1;
            }
        }
    }

    /** 30 days of history, rolled up, and what the materialised views make of it. */
    private boolean history(SpringVigilContext context, PrintWriter out) {
        if (events < 0) {
            throw new CommandFailure("--events must be 0 or more, was " + events);
        }
        DSLContext dsl = context.bean(DSLContext.class);
        Instant slot = context.bean(Schedules.class).currentSlot(JOB, context.bean(Clock.class)).start();
        out.println();
        out.println("generating 30 days of history ...");
        out.flush();
        long started = System.nanoTime();
        DemoHistory history = new DemoHistory(dsl);
        int checks = history.healthChecks(slot);
        int generated = history.events(context.bean(Clock.class).instant(), events);
        out.printf("  %d health checks and %d events in %.1f s%n", checks, generated, (System.nanoTime() - started) / 1e9);
        boolean completed = launch(context, out, RollupJobConfiguration.JOB).getStatus() == BatchStatus.COMPLETED
                & launch(context, out, DailyRollupJobConfiguration.JOB).getStatus() == BatchStatus.COMPLETED;
        DemoSummary summary = new DemoSummary(dsl);
        out.println();
        out.println("Health (vigil.connection_health_summary)");
        out.print(summary.health().render());
        out.println();
        out.println("Events, last 3 days (vigil.event_daily_summary)");
        out.print(summary.events(3).render());
        return completed;
    }

    /** Delivers what the alerts queued: with no SMTP server, as .eml files. */
    private static boolean mail(SpringVigilContext context, PrintWriter out, Path outbox) throws IOException {
        boolean completed = launch(context, out, MailDeliveryJobConfiguration.JOB).getStatus() == BatchStatus.COMPLETED;
        out.println();
        out.println("Mail (no SMTP server is configured, so each email is an .eml file in " + outbox + ")");
        out.print(ListTables.emails(context.bean(OutboxQueries.class).list(null, 20)).render());
        if (Files.isDirectory(outbox)) {
            try (Stream<Path> files = Files.list(outbox)) {
                files.sorted().forEach(file -> out.println("  " + file));
            }
        }
        out.println();
        return completed;
    }

    private static JobExecution launch(SpringVigilContext context, PrintWriter out, String job) {
        Slot slot = context.bean(Schedules.class).currentSlot(job, context.bean(Clock.class));
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

    private static void printNextSteps(PrintWriter out, Path home, String configOption, long runId,
                                       String connection) {
        out.println("Look further: the demo's database stays in " + home + " and nothing is left running.");
        out.println("Every command needs the demo's configuration to find it (and to keep the demo fleet declared):");
        for (String command : List.of("jobs show " + runId, "jobs list", "fleet list", "fleet test " + connection,
                "alerts list", "mail list")) {
            out.println("  vigil " + command + " " + configOption);
        }
        out.println("where vigil is " + invocation() + ". Remove the demo with: rm -rf " + home);
    }

    /** How this process was started, so the suggested commands can be pasted as they are. */
    private static String invocation() {
        String classPath = System.getProperty("java.class.path", "");
        return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)
                ? "java -jar " + Path.of(classPath).toAbsolutePath()
                : "the vigil command (java -jar vigil.jar)";
    }
}
