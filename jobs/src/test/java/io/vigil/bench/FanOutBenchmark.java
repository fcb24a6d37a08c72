package io.vigil.bench;

import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import com.sun.net.httpserver.HttpServer;
import io.vigil.VigilApplication;
import io.vigil.health.CircuitRepository;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.HealthCheckResult;
import io.vigil.health.HealthCheckWriter;
import io.vigil.health.PreviousStatuses;
import io.vigil.health.HealthProperties;
import io.vigil.health.circuit.Circuit;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetRepository;
import io.vigil.health.fleet.FleetSync;
import io.vigil.health.fleet.MonitoredTarget;
import io.vigil.health.probe.Probe;
import io.vigil.health.probe.ProbeFanOut;
import io.vigil.health.probe.ProbeOutcome;
import io.vigil.health.probe.ProbeTarget;
import io.vigil.health.probe.Probes;
import io.vigil.health.probe.Provider;
import io.vigil.health.status.HealthStatus;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.jooq.DSLContext;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark of the probe fan-out (a {@code main}, not a test): many HTTP targets on loopback, a share of
 * them hanging until the probe's timeout, probed by
 * <ul>
 *   <li>the <b>bare loop</b>: the same {@link io.vigil.health.probe.HttpProbe} from {@link Probes#defaults()},
 *       at most {@code maxInFlight} at once (a semaphore and one virtual thread per probe), no Spring, no
 *       database;</li>
 *   <li>the <b>whole job</b>: {@code healthCheckJob} in a Spring context on a fresh embedded database with
 *       every target declared as a connection, one fresh slot per round, timed from launch to COMPLETED.</li>
 * </ul>
 * Each round runs the bare loop, then the job's {@link ProbeFanOut} alone (still no Spring, no database: it
 * separates the fan-out's own cost from Spring Batch's and the database's), then the job. Each round and the
 * medians are printed with the CPU used by this JVM (which also serves the targets), the embedded PostgreSQL
 * and the rest of the machine, and a timeline (first request at a target, end of the last probe); then the
 * job's own work (fleet load, circuit load, chunk writes) measured on its own. The hanging targets' circuits
 * are kept closed (failure threshold raised) so that every round probes all of them, like the bare loop.
 *
 * <p>Arguments ({@code key=value}, all optional): {@code targets=10000 hangingShare=0.05 timeout=2s
 * maxInFlight=256 rounds=3 warmup=1 servers=16}. See docs/benchmarks.md for the command.
 */
public final class FanOutBenchmark {

    /** Goal from the issue: 10,000 targets with 5% hanging finish within 15 s ... */
    private static final Duration GOAL_TIME = Duration.ofSeconds(15);
    /** ... at no less than 90% of the bare loop's throughput. */
    private static final double GOAL_RATIO = 0.90;

    record Options(int targets, double hangingShare, Duration timeout, int maxInFlight, int rounds, int warmup,
                   int servers) {

        static Options parse(String[] args) {
            Map<String, String> values = BenchArgs.parse(args, Map.of(
                    "targets", "10000", "hangingShare", "0.05", "timeout", "2s", "maxInFlight", "256",
                    "rounds", "3", "warmup", "1", "servers", "16"));
            Options options = new Options(Integer.parseInt(values.get("targets")),
                    Double.parseDouble(values.get("hangingShare")), BenchArgs.duration(values.get("timeout")),
                    Integer.parseInt(values.get("maxInFlight")), Integer.parseInt(values.get("rounds")),
                    Integer.parseInt(values.get("warmup")), Integer.parseInt(values.get("servers")));
            if (options.targets < 1 || options.maxInFlight < 1 || options.rounds < 1 || options.warmup < 0
                    || options.servers < 1 || options.hangingShare < 0 || options.hangingShare > 1) {
                throw new IllegalArgumentException("out of range: " + options);
            }
            return options;
        }

        long hangingCount() {
            return Math.round(targets * hangingShare);
        }

        boolean hanging(int index) {
            return BenchArgs.hanging(index, targets, hangingShare);
        }
    }

    record Measured(double seconds, int up, int down, int other, boolean verified, String note, CpuMeter.Usage cpu,
                    Timeline timeline) {

        double throughput(int targets) {
            return targets / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        // The JDK server keeps at most sun.net.httpserver.maxIdleConnections (default 200) idle keep-alive
        // connections per server and silently closes any further one after its response. The probes' client
        // may hold up to maxInFlight pooled connections to one server, and reusing one that was closed that
        // way costs a failed attempt and a retry: raise the cap above maxInFlight so the targets behave like
        // ordinary keep-alive servers. Must be set before the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", String.valueOf(Math.max(200, 2 * options.maxInFlight)));
        }
        quietLogging();
        printHeader(options);

        try (TargetServers servers = new TargetServers(options.servers, Duration.ofMinutes(1))) {
            List<ProbeTarget> targets = new ArrayList<>();
            List<ConnectionDeclaration> fleet = new ArrayList<>();
            for (int i = 0; i < options.targets; i++) {
                String name = String.format("t%06d", i);
                String url = servers.url(i, options.hanging(i));
                targets.add(new ProbeTarget(name, Provider.HTTP, url, null, null, options.timeout));
                fleet.add(new ConnectionDeclaration(name, "http", url, null, null, options.timeout,
                        Duration.ofSeconds(1), List.of("bench"), true));
            }

            long t0 = System.nanoTime();
            TestDatabase database = PostgresServer.newDatabase("fanout_bench");
            ConfigurableApplicationContext context = context(database, options);
            System.out.printf(Locale.ROOT, "setup: embedded PostgreSQL + Spring context in %.1f s%n", seconds(t0));
            try {
                t0 = System.nanoTime();
                var report = context.getBean(FleetSync.class).sync(fleet);
                System.out.printf(Locale.ROOT, "setup: %d connections synced in %.1f s (%d invalid)%n",
                        report.synced().size(), seconds(t0), report.invalid().size());

                Probe bareProbe = Probes.defaults().forProvider(Provider.HTTP);
                CpuMeter cpu = new CpuMeter(CpuMeter.postmasterListeningOn(database.port()));
                int slotNumber = 0;
                List<Measured> bare = new ArrayList<>();
                List<Measured> job = new ArrayList<>();
                List<Measured> fanOutOnly = new ArrayList<>();
                System.out.println();
                System.out.println("round      bare s  bare probes/s   job s  job probes/s   job/bare  checks (UP/DOWN/other)  verified");
                for (int round = -options.warmup + 1; round <= options.rounds; round++) {
                    String label = round <= 0 ? "warmup" : "round " + round;
                    Measured b = bareLoop(bareProbe, targets, options, servers, cpu);
                    Measured f = fanOutOnly(targets, options, servers, cpu);
                    Measured j = jobRun(context, options, servers, cpu, ++slotNumber);
                    printRound(label, b, f, j, options);
                    if (round > 0) {
                        bare.add(b);
                        fanOutOnly.add(f);
                        job.add(j);
                    }
                }
                printSummary(bare, fanOutOnly, job, options);
                profile(context, options, ++slotNumber);
            } finally {
                context.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The bare loop: same probe, same limit, nothing else.

    static Measured bareLoop(Probe probe, List<ProbeTarget> targets, Options options, TargetServers servers,
                             CpuMeter cpu) throws InterruptedException {
        CpuMeter.Sample before = cpu.sample();
        Semaphore inFlight = new Semaphore(options.maxInFlight);
        LongAdder up = new LongAdder();
        LongAdder downHanging = new LongAdder();
        LongAdder other = new LongAdder();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < targets.size(); i++) {
                ProbeTarget target = targets.get(i);
                boolean hanging = options.hanging(i);
                inFlight.acquire();
                threads.execute(() -> {
                    try {
                        ProbeOutcome outcome = probe.probe(target);
                        if (outcome.reachable() && !hanging) {
                            up.increment();
                        } else if (!outcome.reachable() && hanging) {
                            downHanging.increment();
                        } else {
                            other.increment();
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } // close() waits for every probe
        double seconds = seconds(start);
        CpuMeter.Usage usage = cpu.since(before);
        Timeline timeline = servers.timeline(start, options.timeout);
        servers.releaseHanging();
        int down = downHanging.intValue();
        boolean verified = up.intValue() == options.targets - options.hangingCount() && down == options.hangingCount();
        return new Measured(seconds, up.intValue(), down, other.intValue(), verified, "", usage, timeline);
    }

    // ------------------------------------------------------------------------------------------------
    // For the breakdown: the job's ProbeFanOut on its own (its two virtual threads and deadline per probe),
    // still without Spring Batch or database.

    static Measured fanOutOnly(List<ProbeTarget> targets, Options options, TargetServers servers, CpuMeter cpu)
            throws InterruptedException {
        ProbeFanOut fanOut = new ProbeFanOut(Probes.defaults(), options.maxInFlight, new HealthProperties(
                null, null, null, null, null).deadlineGrace());
        Map<Integer, ProbeTarget> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            byIndex.put(i, targets.get(i));
        }
        int up = 0;
        int down = 0;
        int other = 0;
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        try (ProbeFanOut.Run<Integer> run = fanOut.start(byIndex)) {
            for (ProbeFanOut.Completed<Integer> c = run.next(); c != null; c = run.next()) {
                boolean hanging = options.hanging(c.key());
                if (c.outcome().reachable() && !hanging) {
                    up++;
                } else if (!c.outcome().reachable() && hanging) {
                    down++;
                } else {
                    other++;
                }
            }
        }
        double seconds = seconds(start);
        CpuMeter.Usage usage = cpu.since(before);
        Timeline timeline = servers.timeline(start, options.timeout);
        servers.releaseHanging();
        boolean verified = up == options.targets - options.hangingCount() && down == options.hangingCount();
        return new Measured(seconds, up, down, other, verified, "", usage, timeline);
    }

    // ------------------------------------------------------------------------------------------------
    // The whole job.

    static ConfigurableApplicationContext context(TestDatabase database, Options options) {
        // Command-line arguments, because builder properties are defaults that application.yml overrides.
        return new SpringApplicationBuilder(VigilApplication.class, TestBeans.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--vigil.health.max-in-flight=" + options.maxInFlight,
                        // Every round probes every target, like the bare loop: the hanging ones must not
                        // have their circuits opened (after 3 failures by default) and be SKIPPED.
                        "--vigil.health.circuit.failure-threshold=1000000",
                        "--logging.level.root=WARN",
                        "--logging.level.io.zonky=WARN");
    }

    static Measured jobRun(ConfigurableApplicationContext context, Options options, TargetServers servers,
                           CpuMeter cpu, int slotNumber) {
        Instant slot = TestBeans.START.plus(Duration.ofMinutes(5L * slotNumber));
        context.getBean(SettableClock.class).set(slot);
        SlotLauncher launcher = context.getBean(SlotLauncher.class);
        CpuMeter.Sample before = cpu.sample();
        LocalDateTime launchedAt = LocalDateTime.now(); // Spring Batch stamps its executions with the system clock
        long start = System.nanoTime();
        SlotLauncher.Outcome outcome = launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "bench");
        double seconds = seconds(start);
        CpuMeter.Usage usage = cpu.since(before);
        Timeline timeline = servers.timeline(start, options.timeout);
        servers.releaseHanging();
        if (!(outcome instanceof SlotLauncher.Started started)) {
            throw new IllegalStateException("the job was not started for slot " + slot + ": " + outcome);
        }
        JobExecution execution = started.execution();
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("run " + execution.getId() + " ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }

        DSLContext dsl = context.getBean(DSLContext.class);
        Map<String, Integer> byStatus = dsl.select(HEALTH_CHECK.STATUS, org.jooq.impl.DSL.count())
                .from(HEALTH_CHECK).where(HEALTH_CHECK.SLOT.eq(slot))
                .groupBy(HEALTH_CHECK.STATUS)
                .fetchMap(r -> r.value1(), r -> r.value2());
        int rows = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        int downHanging = dsl.fetchCount(HEALTH_CHECK.join(MONITORED_CONNECTION)
                        .on(MONITORED_CONNECTION.ID.eq(HEALTH_CHECK.CONNECTION_ID)),
                HEALTH_CHECK.SLOT.eq(slot).and(HEALTH_CHECK.STATUS.eq(HealthStatus.DOWN.name()))
                        .and(MONITORED_CONNECTION.ADDRESS.contains("/hang/")));
        int up = byStatus.getOrDefault(HealthStatus.UP.name(), 0);
        int down = byStatus.getOrDefault(HealthStatus.DOWN.name(), 0);
        boolean verified = rows == options.targets && down == options.hangingCount() && downHanging == down;
        // Where the time went, in seconds after the launch (the repository's timestamps have millisecond precision).
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "job created +%.2f, started +%.2f; ",
                between(launchedAt, execution.getCreateTime()), between(launchedAt, execution.getStartTime())));
        for (StepExecution step : execution.getStepExecutions()) {
            note.append(String.format(Locale.ROOT, "step %s +%.2f..+%.2f (read %d, written %d, commits %d); ",
                    step.getStepName(), between(launchedAt, step.getStartTime()), between(launchedAt, step.getEndTime()),
                    step.getReadCount(), step.getWriteCount(), step.getCommitCount()));
        }
        note.append(String.format(Locale.ROOT, "first probe +%.2f, last probe ended +%.2f; job ended +%.2f, launch "
                        + "returned +%.2f; rows %s", timeline.firstRequest(), timeline.lastProbeEnd(),
                between(launchedAt, execution.getEndTime()), seconds, byStatus));
        return new Measured(seconds, up, down, rows - up - down, verified, note.toString(), usage, timeline);
    }

    // ------------------------------------------------------------------------------------------------
    // Where the job's fixed costs go, each measured on its own in the same context and database.

    static void profile(ConfigurableApplicationContext context, Options options, int slotNumber) {
        Instant slot = TestBeans.START.plus(Duration.ofMinutes(5L * slotNumber));
        FleetRepository fleet = context.getBean(FleetRepository.class);
        CircuitRepository circuits = context.getBean(CircuitRepository.class);
        DSLContext dsl = context.getBean(DSLContext.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        int chunkSize = context.getEnvironment().getProperty("vigil.health.chunk-size", Integer.class, 200);

        System.out.println();
        System.out.println("profile of the job's own work (no probing), in the same database:");
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            List<MonitoredTarget> todo = fleet.enabledWithoutCheck(slot);
            double fleetSeconds = seconds(t0);
            t0 = System.nanoTime();
            Map<Long, Circuit> loaded = circuits.load(todo.stream().map(MonitoredTarget::id).toList());
            double circuitSeconds = seconds(t0);
            System.out.printf(Locale.ROOT, "  fleet load (enabledWithoutCheck): %d connections in %.3f s; "
                    + "circuit load: %d circuits in %.3f s%n", todo.size(), fleetSeconds, loaded.size(), circuitSeconds);
        }

        // The writer on results shaped like the benchmark's: (1 - share) UP, share DOWN with a circuit update.
        List<MonitoredTarget> todo = fleet.enabledWithoutCheck(slot);
        HealthCheckWriter writer = new HealthCheckWriter(dsl, circuits, context.getBean(PreviousStatuses.class),
                context.getBean(io.vigil.health.PreviousSnapshots.class), context.getBean(io.vigil.health.LimitedVisibilityLog.class),
                context.getBean(SettableClock.class), slot, null);
        List<HealthCheckResult> results = new ArrayList<>(todo.size());
        Instant now = slot;
        for (int i = 0; i < todo.size(); i++) {
            MonitoredTarget t = todo.get(i);
            boolean down = options.hanging(i);
            results.add(down
                    ? new HealthCheckResult(t.id(), t.name(), HealthStatus.DOWN, (double) options.timeout.toMillis(),
                            "HttpTimeoutException", "GET " + t.address() + ": request timed out", Map.of(), null, now,
                            Circuit.closed(), new Circuit(Circuit.State.CLOSED, 1, null, null))
                    : new HealthCheckResult(t.id(), t.name(), HealthStatus.UP, 1.5, null, null,
                            Map.of("statusCode", 200), null, now, Circuit.closed(), null));
        }
        long t0 = System.nanoTime();
        double longest = 0;
        int chunks = 0;
        for (int from = 0; from < results.size(); from += chunkSize) {
            Chunk<HealthCheckResult> chunk = new Chunk<>(results.subList(from, Math.min(results.size(), from + chunkSize)));
            long c0 = System.nanoTime();
            tx.executeWithoutResult(status -> writer.write(chunk));
            longest = Math.max(longest, seconds(c0));
            chunks++;
        }
        double total = seconds(t0);
        System.out.printf(Locale.ROOT, "  chunk writes: %d results in %d chunks of %d in %.3f s (%.1f ms per chunk, "
                        + "longest %.1f ms), each in its own transaction%n",
                results.size(), chunks, chunkSize, total, total * 1000 / Math.max(1, chunks), longest * 1000);
        dsl.deleteFrom(HEALTH_CHECK).where(HEALTH_CHECK.SLOT.eq(slot)).execute();
    }

    // ------------------------------------------------------------------------------------------------
    // Output.

    /** The embedded server, Flyway and jOOQ log at INFO before Spring Boot configures logging. */
    static void quietLogging() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        for (String name : List.of("io.zonky", "org.flywaydb", "org.jooq")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    static void printHeader(Options options) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "FanOutBenchmark: %d HTTP targets on 127.0.0.1 (%d servers), %d hanging (%.1f%%), "
                        + "timeout %d ms, max in flight %d, %d warmup + %d measured rounds%n",
                options.targets, options.servers, options.hangingCount(), options.hangingShare * 100,
                options.timeout.toMillis(), options.maxInFlight, options.warmup, options.rounds);
        System.out.printf(Locale.ROOT, "JVM: %s %s, %d processors, max heap %d MB; sun.net.httpserver.maxIdleConnections=%s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                rt.availableProcessors(), rt.maxMemory() / (1024 * 1024),
                System.getProperty("sun.net.httpserver.maxIdleConnections"));
        System.out.printf(Locale.ROOT, "Goal: the job within %d s and at >= %.0f%% of the bare loop's throughput%n%n",
                GOAL_TIME.toSeconds(), GOAL_RATIO * 100);
    }

    static void printRound(String label, Measured bare, Measured fanOut, Measured job, Options options) {
        System.out.printf(Locale.ROOT, "%-9s %7.2f %14.0f %7.2f %13.0f %9.1f%%  bare %d/%d/%d, job %d/%d/%d  %s%n",
                label, bare.seconds, bare.throughput(options.targets), job.seconds, job.throughput(options.targets),
                100 * job.throughput(options.targets) / bare.throughput(options.targets),
                bare.up, bare.down, bare.other, job.up, job.down, job.other,
                bare.verified && job.verified && fanOut.verified ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "          ProbeFanOut alone (no Spring, no DB): %.2f s, %.0f probes/s, %.1f%% of bare "
                        + "(UP/DOWN/other %d/%d/%d)%n", fanOut.seconds, fanOut.throughput(options.targets),
                100 * fanOut.throughput(options.targets) / bare.throughput(options.targets), fanOut.up, fanOut.down,
                fanOut.other);
        System.out.println("          cpu s: bare " + bare.cpu + "; fan-out " + fanOut.cpu + "; job " + job.cpu);
        System.out.println("          timeline: bare " + bare.timeline.describe(bare.seconds));
        System.out.println("                    fan-out " + fanOut.timeline.describe(fanOut.seconds));
        System.out.println("                    job " + job.timeline.describe(job.seconds));
        System.out.println("          job: " + job.note);
    }

    static void printSummary(List<Measured> bare, List<Measured> fanOut, List<Measured> job, Options options) {
        double bareMedian = median(bare.stream().mapToDouble(Measured::seconds).toArray());
        double fanOutMedian = median(fanOut.stream().mapToDouble(Measured::seconds).toArray());
        double jobMedian = median(job.stream().mapToDouble(Measured::seconds).toArray());
        double[] ratios = new double[bare.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = job.get(i).throughput(options.targets) / bare.get(i).throughput(options.targets);
        }
        double ratioMedian = median(ratios);
        boolean verified = bare.stream().allMatch(Measured::verified) && job.stream().allMatch(Measured::verified)
                && fanOut.stream().allMatch(Measured::verified);
        System.out.printf(Locale.ROOT, "%-9s %7.2f %14.0f %7.2f %13.0f %9.1f%%  (median of each column; ratio of "
                        + "the medians %.1f%%)%n", "median", bareMedian, options.targets / bareMedian, jobMedian,
                options.targets / jobMedian, ratioMedian * 100, 100 * bareMedian / jobMedian);
        System.out.printf(Locale.ROOT, "          ProbeFanOut alone: median %.2f s, %.0f probes/s, %.1f%% of the bare median%n",
                fanOutMedian, options.targets / fanOutMedian, 100 * bareMedian / fanOutMedian);
        boolean timeMet = jobMedian <= GOAL_TIME.toMillis() / 1000.0;
        boolean ratioMet = ratioMedian >= GOAL_RATIO;
        System.out.printf(Locale.ROOT, "%nGoal: job median %.2f s <= %d s: %s; job/bare median %.1f%% >= %.0f%%: %s; "
                        + "every round verified (rows, UP and DOWN counts): %s%n",
                jobMedian, GOAL_TIME.toSeconds(), timeMet ? "MET" : "MISSED", ratioMedian * 100, GOAL_RATIO * 100,
                ratioMet ? "MET" : "MISSED", verified ? "yes" : "NO");
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double between(LocalDateTime from, LocalDateTime to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e9;
    }

    private FanOutBenchmark() {
    }
}
