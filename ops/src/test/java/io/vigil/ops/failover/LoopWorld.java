package io.vigil.ops.failover;

import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import io.vigil.mail.OutgoingEmail;
import io.vigil.mail.Outbox;
import io.vigil.ops.fixture.VigilProcess;
import io.vigil.testing.EventData;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The state each job of the loop starts from, seeded once and copied for every run, and the
 * configuration every process of the loop shares. Each job's world is the one its schedule meets:
 * raw events, health checks and queued emails; rolled up hourly for the daily rollup; rolled up daily
 * too for retention, which drops a raw month only once it is rolled up.
 */
final class LoopWorld implements AutoCloseable {

    static final List<String> JOBS = List.of("healthCheckJob", "rollupJob", "dailyRollupJob", "retentionJob",
            "mailDeliveryJob");
    static final Duration HEARTBEAT = Duration.ofMillis(500);
    static final Duration STALE_AFTER = Duration.ofSeconds(4);
    private static final int SLOW_TARGETS = 9;
    // Fewer than a run's batch (vigil.mail.batch-size, 100): a clean run sends them all, as a restart must.
    private static final int EMAILS = 40;

    /** One slot for every run of the loop, so that a clean run and a recovered one decide alike. */
    final Instant slot = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private final TestHttpServer targets = new TestHttpServer();
    private final int closedPort = TestHttpServer.closedPort();
    private final TestDatabase raw;
    private final TestDatabase rolledHourly;
    private final TestDatabase rolledDaily;

    private LoopWorld() throws Exception {
        raw = PostgresServer.newDatabase("loop_raw");
        // A daemon's start syncs the fleet and the alert rules, as in production; then the history goes in.
        try (Survivor ignored = Survivor.start(arguments(raw, 0))) {
            // nothing to do: the start is what was needed
        }
        seedHistory(raw);
        rolledHourly = PostgresServer.copyOf(raw, "loop_hourly");
        runToEnd("rollupJob", rolledHourly, 0);
        rolledDaily = PostgresServer.copyOf(rolledHourly, "loop_daily");
        runToEnd("dailyRollupJob", rolledDaily, 0);
    }

    static LoopWorld seed() throws Exception {
        return new LoopWorld();
    }

    /** {@code vigil jobs launch JOB --slot SLOT} in a JVM of its own, as an operator runs it. */
    VigilProcess launch(String job, TestDatabase database, int smtpPort) {
        List<String> command = new ArrayList<>(List.of("jobs", "launch", job, "--slot", slot.toString()));
        command.addAll(arguments(database, smtpPort));
        return VigilProcess.start(command.toArray(String[]::new));
    }

    /** Runs the job for the slot to its end, uninterrupted. */
    void runToEnd(String job, TestDatabase database, int smtpPort) throws Exception {
        try (VigilProcess run = launch(job, database, smtpPort)) {
            int exit = run.awaitExit(Duration.ofMinutes(3));
            if (exit != 0) {
                throw new AssertionError(job + " did not complete in a clean run (exit " + exit + "):\n" + run.log());
            }
        }
    }

    /** What the job's runs start from, as a database of the run's own. */
    TestDatabase copyFor(String job, String hint) {
        TestDatabase world = switch (job) {
            case "dailyRollupJob" -> rolledHourly;
            case "retentionJob" -> rolledDaily;
            default -> raw;
        };
        return PostgresServer.copyOf(world, hint);
    }

    /**
     * The configuration of every process of the loop. Small transactions (rollup windows, health-check
     * chunks) give a kill many commits to fall between; every schedule is off, so only the
     * loop's own runs and their restarts happen, and a day's catch-up window restarts every lost run.
     */
    List<String> arguments(TestDatabase database, int smtpPort) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=",
                "--vigil.node.heartbeat-interval=" + HEARTBEAT.toMillis() + "ms",
                "--vigil.node.stale-after=" + STALE_AFTER.toSeconds() + "s",
                "--vigil.rollup.max-ids-per-transaction=500", "--vigil.health.chunk-size=3",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--vigil.mail.from=Vigil <vigil@example.com>",
                "--vigil.retention.health-checks=20d", "--vigil.retention.events=20d",
                "--logging.level.root=WARN", "--logging.level.io.vigil.runs=INFO"));
        for (String job : JOBS) {
            args.add("--vigil.schedules." + job + ".enabled=false");
            args.add("--vigil.schedules." + job + ".catch-up=1d");
        }
        List<String[]> fleet = new ArrayList<>();
        IntStream.range(0, SLOW_TARGETS).forEach(i -> fleet.add(new String[] {"slow-" + i, targets.url("/slow?ms=700"), "5s"}));
        fleet.add(new String[] {"sluggish", targets.url("/slow?ms=700"), "100ms"});
        fleet.add(new String[] {"broken", targets.url("/error"), "5s"});
        fleet.add(new String[] {"refused", "http://127.0.0.1:" + closedPort + "/", "5s"});
        for (int i = 0; i < fleet.size(); i++) {
            String prefix = "--vigil.fleet.connections[" + i + "].";
            args.addAll(List.of(prefix + "name=" + fleet.get(i)[0], prefix + "provider=http",
                    prefix + "address=" + fleet.get(i)[1], prefix + "latency-slo=" + fleet.get(i)[2]));
        }
        args.addAll(List.of("--vigil.alerts.rules[0].name=down", "--vigil.alerts.rules[0].type=DOWN",
                "--vigil.alerts.rules[0].threshold=1", "--vigil.alerts.rules[0].recipients[0]=ops@example.com"));
        return args;
    }

    /**
     * A hundred days of events and of two connections' checks (every slot of the last three days, an hour
     * a day before: enough for retention to find months to drop), and emails waiting to go.
     */
    private void seedHistory(TestDatabase database) {
        var dsl = database.dsl();
        EventData data = new EventData(dsl, 11);
        // Four months: each insert below ensures only the month it starts in and two more.
        new MonthlyPartitions(dsl).ensure(PartitionedTable.EVENT, slot.minus(Duration.ofDays(100)), 4);
        for (int batch = 0; batch < 2; batch++) {
            data.insertEvents(5000, slot, Duration.ofDays(100));
        }
        List<Long> connections = dsl.fetchValues("SELECT id FROM vigil.monitored_connection ORDER BY name LIMIT 2")
                .stream().map(id -> ((Number) id).longValue()).toList();
        Instant recent = slot.minus(Duration.ofDays(3));
        for (Instant day = slot.minus(Duration.ofDays(100)); day.isBefore(recent); day = day.plus(Duration.ofDays(1))) {
            data.checks(connections, day, day.plus(Duration.ofHours(1)));
        }
        data.checks(connections, recent, slot);
        Outbox outbox = new Outbox(Clock.systemUTC(), "vigil.localhost");
        for (int i = 0; i < EMAILS; i++) {
            outbox.enqueue(dsl, new OutgoingEmail("loop:" + i, List.of("ops" + (i % 3) + "@example.com"), "Loop email " + i,
                    "text " + i, "<p>html " + i + "</p>", Map.of(), null, null));
        }
    }

    @Override
    public void close() {
        targets.close();
    }
}
