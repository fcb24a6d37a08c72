package io.vigil.compatibility;

import io.vigil.testing.Eventually;
import io.vigil.testing.PostgresVersions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Puts a fresh server in the states the PostgreSQL probe has figures for: dead tuples, an unused index, a
 * rollback, a deadlock, a temp file, a replication slot, a failing archiver, pg_stat_statements.
 */
final class InterestingStates {

    /** Server settings under which those states can happen at all. */
    static final Map<String, String> SETTINGS = Map.of(
            "archive_mode", "on",
            "archive_command", "/bin/false",
            "wal_level", "replica",
            "max_wal_senders", "5",
            "max_replication_slots", "5",
            "shared_preload_libraries", "pg_stat_statements",
            "track_io_timing", "on",
            // The deadlock is found after this long; the default second would be most of a test's run.
            "deadlock_timeout", "100ms");

    static final String DATABASE = "compat";
    static final String PLAIN_ROLE = "vigil_compat_plain";
    static final long DELETED = 500;
    private static final Duration STATS_ARRIVE = Duration.ofSeconds(30);

    static ServerState make(PostgresVersions.Server server) throws Exception {
        try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("CREATE ROLE " + PLAIN_ROLE + " LOGIN");
            statement.execute("SELECT pg_catalog.pg_create_physical_replication_slot('vigil_test_slot', true)");
        }
        // Each step on a connection of its own, closed at once: a backend flushes its statistics as it exits.
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION pg_stat_statements");
            // Autovacuum off: it would otherwise be free to clean up the dead tuples before the probe looks.
            statement.execute("CREATE TABLE churn (id int PRIMARY KEY, payload text) WITH (autovacuum_enabled = false)");
            statement.execute("CREATE INDEX churn_payload_idx ON churn (payload)");
            statement.execute("INSERT INTO churn SELECT g, 'row ' || g FROM generate_series(1, 1000) g");
            statement.execute("DELETE FROM churn WHERE id <= " + DELETED);
            statement.execute("CREATE TABLE vigil_locks (id int PRIMARY KEY) WITH (autovacuum_enabled = false)");
            statement.execute("INSERT INTO vigil_locks VALUES (1), (2)");
        }
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO vigil_locks VALUES (3)");
            connection.rollback();
        }
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("SET work_mem = '64kB'");
            statement.execute("SELECT count(*) FROM (SELECT g FROM generate_series(1, 100000) g ORDER BY g DESC OFFSET 0) s");
            // The writes above are in the current WAL segment, so switching hands it to the failing archiver.
            statement.execute("SELECT pg_catalog.pg_switch_wal()");
        }
        deadlock(server);
        Eventually.await("the statistics of PostgreSQL " + server.major() + " to show every state", STATS_ARRIVE,
                () -> ServerState.read(server, DATABASE).complete(), () -> true,
                () -> "last read: " + ServerState.read(server, DATABASE));
        return ServerState.read(server, DATABASE);
    }

    /** Two sessions each hold one row and ask for the other's: the server must abort exactly one. */
    private static void deadlock(PostgresVersions.Server server) throws Exception {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            Future<String> first = two.submit(() -> lockThenTake(server, 1, 2, bothHoldOne));
            Future<String> second = two.submit(() -> lockThenTake(server, 2, 1, bothHoldOne));
            List<String> ends = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
            if (!ends.contains("40P01") || !ends.contains("took it")) {
                throw new AssertionError("expected one deadlock victim (40P01) and one winner, got " + ends);
            }
        }
    }

    private static String lockThenTake(PostgresVersions.Server server, int mine, int theirs, CountDownLatch bothHoldOne)
            throws SQLException, InterruptedException {
        try (Connection connection = server.connect(DATABASE);
             PreparedStatement lock = connection.prepareStatement("SELECT id FROM vigil_locks WHERE id = ? FOR UPDATE")) {
            connection.setAutoCommit(false);
            lock.setInt(1, mine);
            lock.executeQuery().close();
            bothHoldOne.countDown();
            if (!bothHoldOne.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the other session never locked its row");
            }
            lock.setInt(1, theirs);
            try {
                lock.executeQuery().close();
                return "took it";
            } catch (SQLException e) {
                return e.getSQLState();
            } finally {
                connection.rollback();
            }
        }
    }

    private InterestingStates() {
    }
}
