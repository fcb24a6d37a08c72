package io.vigil.bench;

import io.vigil.VigilApplication;
import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeRegistry;
import io.vigil.runs.RunRecovery;
import io.vigil.runs.Slot;
import io.vigil.runs.StaleRunRecovery;
import io.vigil.testing.LostRuns;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What watching for lost nodes costs: a daemon's sweep, which every daemon runs every heartbeat, with
 * many runs going on live nodes and none stale; and taking over many stale runs at once (a node that
 * owned them died), with the failed-run email each. Not a test: run it as a program (docs/benchmarks.md).
 *
 * <p>Arguments ({@code key=value}): {@code running=0,100,1000} (runs of live nodes during the sweeps),
 * {@code sweeps=50} (sweeps timed per size), {@code stale=1,100} (runs taken over at once, each size on a
 * fresh database).
 */
public final class TakeoverBenchmark {

    private static final NodeIdentity LIVE = new NodeIdentity("live-node", "bench", 1);
    private static final NodeIdentity DEAD = new NodeIdentity("dead-node", "bench", 2);
    private static final Instant FIRST_SLOT = Instant.parse("2026-01-01T00:00:00Z");

    public static void main(String[] args) {
        Map<String, String> options = BenchArgs.parse(args, Map.of("running", "0,100,1000", "sweeps", "50",
                "stale", "1,100"));
        int sweeps = Integer.parseInt(options.get("sweeps"));
        System.out.printf(Locale.ROOT, "TakeoverBenchmark %s; %d cores, %s%n", options,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        System.out.println("| runs going (live nodes) | sweeps | median sweep | p95 sweep |");
        for (int running : sizes(options.get("running"))) {
            sweep(running, sweeps);
        }
        System.out.println("| stale runs | taken over | total | per run |");
        for (int stale : sizes(options.get("stale"))) {
            takeOver(stale);
        }
        System.exit(0);
    }

    private static void sweep(int running, int sweeps) {
        TestDatabase database = PostgresServer.newDatabase("takeover_sweep_" + running);
        try (ConfigurableApplicationContext spring = vigil(database)) {
            NodeRegistry nodes = spring.getBean(NodeRegistry.class);
            nodes.checkIn(LIVE, Instant.now().plus(Duration.ofDays(1)));
            startedRuns(spring, running, LIVE);
            StaleRunRecovery recovery = spring.getBean(StaleRunRecovery.class);
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < sweeps + 5; i++) {
                long t = System.nanoTime();
                if (!recovery.recoverStaleRuns().isEmpty()) {
                    throw new IllegalStateException("a live node's run was taken over");
                }
                if (i >= 5) {
                    nanos.add(System.nanoTime() - t);
                }
            }
            nanos.sort(null);
            System.out.printf(Locale.ROOT, "| %,d | %d | %.2f ms | %.2f ms |%n", running, sweeps,
                    nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) (nanos.size() * 0.95)) / 1e6);
        }
    }

    private static void takeOver(int stale) {
        TestDatabase database = PostgresServer.newDatabase("takeover_" + stale);
        try (ConfigurableApplicationContext spring = vigil(database)) {
            spring.getBean(AlertRuleSync.class).sync(new AlertsProperties(List.of(), List.of("ops@example.com"), null));
            spring.getBean(NodeRegistry.class).checkIn(DEAD, Instant.now().minus(Duration.ofHours(1)));
            startedRuns(spring, stale, DEAD);
            long t = System.nanoTime();
            List<RunRecovery> taken = spring.getBean(StaleRunRecovery.class).recoverStaleRuns();
            long elapsed = System.nanoTime() - t;
            if (taken.size() != stale) {
                throw new IllegalStateException("took over " + taken.size() + " of " + stale);
            }
            System.out.printf(Locale.ROOT, "| %,d | %,d | %.0f ms | %.1f ms |%n", stale, taken.size(), elapsed / 1e6,
                    elapsed / 1e6 / stale);
        }
    }

    /** Old slots, past the catch-up window: taken over and left, so nothing is restarted meanwhile. */
    private static void startedRuns(ConfigurableApplicationContext spring, int count, NodeIdentity owner) {
        JobRepository jobRepository = spring.getBean(JobRepository.class);
        NodeRegistry nodes = spring.getBean(NodeRegistry.class);
        for (int i = 0; i < count; i++) {
            LostRuns.startedRun(jobRepository, nodes, HealthCheckJobConfiguration.JOB, "probe",
                    Slot.of(FIRST_SLOT.plus(Duration.ofMinutes(5L * i))), owner);
        }
    }

    private static List<Integer> sizes(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
    }

    private static ConfigurableApplicationContext vigil(TestDatabase database) {
        return new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                        "--spring.quartz.auto-startup=false", "--logging.level.root=WARN",
                        "--logging.level.io.zonky=WARN", "--vigil.mail.outbox-dir=target/takeover-bench-outbox");
    }
}
