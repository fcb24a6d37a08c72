package io.vigil.bench;

import io.vigil.health.probe.DbStats;
import io.vigil.health.probe.PostgresProbe;
import io.vigil.health.probe.ProbeOutcome;
import io.vigil.health.probe.ProbeTarget;
import io.vigil.health.probe.Provider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark of the full PostgreSQL probe (a {@code main}, not a test) against a database with many
 * relations ({@link DeepSchema}): the catalog and statistics views it reads grow with them. After a
 * warm-up, {@code probes} probes one after the other; printed: the probe's own latency (connect and first
 * query) and the whole {@code probe} call, min / median / p95 / max, and what the last snapshot held.
 *
 * <p>Arguments ({@code key=value}, all optional): {@code tables=1000 probes=30 warmup=3 server=embedded}.
 * {@code server=embedded} starts an embedded PostgreSQL 17; {@code server=127.0.0.1:5432} uses that
 * server (user postgres, no password) and a database {@value #DATABASE} created for the run and dropped
 * after it. See docs/benchmarks.md for the command.
 */
public final class DeepProbeBenchmark {

    static final String DATABASE = "vigil_bench_deep";
    private static final Duration GOAL = Duration.ofSeconds(1);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchArgs.parse(args,
                Map.of("tables", "1000", "probes", "30", "warmup", "3", "server", "embedded"));
        int tables = Integer.parseInt(options.get("tables"));
        int probes = Integer.parseInt(options.get("probes"));
        int warmup = Integer.parseInt(options.get("warmup"));
        if (tables < 1 || probes < 1 || warmup < 0) {
            throw new IllegalArgumentException("out of range: " + options);
        }
        FanOutBenchmark.quietLogging();
        String server = options.get("server");
        if (server.equals("embedded")) {
            // pg_stat_statements, to show which of the probe's statements the time goes to.
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements").start()) {
                run("127.0.0.1:" + pg.getPort(), tables, probes, warmup);
            }
        } else {
            run(server, tables, probes, warmup);
        }
    }

    static void run(String hostPort, int tables, int probes, int warmup) throws SQLException {
        String admin = "jdbc:postgresql://" + hostPort + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "")) {
            if (exists(connection)) {
                throw new IllegalStateException("database " + DATABASE + " already exists on " + hostPort
                        + ": another run is going on, or one was killed; drop it and run again");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
        try {
            long t0 = System.nanoTime();
            DeepSchema.Made made;
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://" + hostPort + "/" + DATABASE, "postgres", "")) {
                made = DeepSchema.create(connection, tables);
            }
            System.out.printf(Locale.ROOT, "DeepProbeBenchmark: %s, %d tables, %d indexes, %d tables with %d dead "
                            + "tuples, %d indexes scanned once; made and analysed in %.1f s%n", hostPort, made.tables(),
                    made.indexes(), made.withDeadTuples(), DeepSchema.DEAD, made.scannedIndexes(), (System.nanoTime() - t0) / 1e9);
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://" + hostPort + "/" + DATABASE, "postgres", "")) {
                measure(new ProbeTarget("deep", Provider.POSTGRESQL, hostPort + "/" + DATABASE, "postgres", null,
                        Duration.ofSeconds(30)), probes, warmup, connection);
            }
        } finally {
            try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE " + DATABASE);
            }
        }
    }

    static void measure(ProbeTarget target, int probes, int warmup, Connection observer) throws SQLException {
        PostgresProbe probe = new PostgresProbe();
        long[] latency = new long[probes];
        long[] whole = new long[probes];
        ProbeOutcome last = null;
        boolean perStatement = false;
        for (int i = -warmup; i < probes; i++) {
            if (i == 0) {
                perStatement = StatementTimes.reset(observer);
            }
            long start = System.nanoTime();
            ProbeOutcome outcome = probe.probe(target);
            long elapsed = System.nanoTime() - start;
            if (!outcome.reachable() || outcome.stats() == null) {
                throw new IllegalStateException("probe " + i + " did not give a snapshot: " + outcome.errorMessage()
                        + " " + outcome.details());
            }
            if (i >= 0) {
                latency[i] = outcome.latency().toNanos();
                whole[i] = elapsed;
            }
            last = outcome;
        }
        System.out.printf(Locale.ROOT, "%d probes after %d warm-up, milliseconds:%n", probes, warmup);
        System.out.println("                        min   median      p95      max");
        System.out.println(line("probe latency", latency));
        System.out.println(line("whole probe call", whole));
        DbStats stats = last.stats();
        System.out.println("last snapshot: server " + stats.serverVersion() + ", details " + sizes(stats.details())
                + ", counters " + stats.counters().size());
        if (perStatement) {
            StatementTimes.print(observer);
        } else {
            System.out.println("server-side time per statement: not shown, the server does not preload pg_stat_statements");
        }
        // Every probe, not the typical one: the slowest is the one that meets the timeout.
        double slowest = spread(whole)[3];
        System.out.printf(Locale.ROOT, "Goal: slowest whole call %.1f ms < %d ms: %s%n", slowest, GOAL.toMillis(),
                slowest < GOAL.toMillis() ? "MET" : "MISSED");
    }

    /** min, median, p95 (nearest rank), max in milliseconds. */
    static double[] spread(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        long p95 = sorted[(int) Math.ceil(0.95 * n) - 1];
        return new double[] {sorted[0] / 1e6, median / 1e6, p95 / 1e6, sorted[n - 1] / 1e6};
    }

    private static String line(String label, long[] nanos) {
        double[] s = spread(nanos);
        return String.format(Locale.ROOT, "%-18s %8.1f %8.1f %8.1f %8.1f", label, s[0], s[1], s[2], s[3]);
    }

    // The size of each list in the details, so that a grown probe shows what it now reads.
    private static String sizes(Map<String, Object> details) {
        List<String> parts = new ArrayList<>();
        details.forEach((key, value) -> parts.add(key + (value instanceof List<?> list ? "=" + list.size() + " rows"
                : value instanceof Map<?, ?> map ? "=" + map.size() + " keys" : "")));
        return parts.toString();
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?")) {
            statement.setString(1, DATABASE);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private DeepProbeBenchmark() {
    }
}
