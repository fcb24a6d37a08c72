package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vigil.testing.Eventually;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Against the MariaDB server every build machine runs on 127.0.0.1:3306 (root, no password, database test). */
class MysqlProbeTest {

    private static final String MARIADB = "127.0.0.1:3306/test";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final MysqlProbe probe = new MysqlProbe();

    @Test
    void upWithVersionAndConnections() {
        ProbeOutcome outcome = probe.probe(root());

        assertThat(outcome.reachable())
                .as("MariaDB must answer on %s as root without a password: %s", MARIADB, outcome.errorMessage())
                .isTrue();
        assertThat(outcome.details()).doesNotContainKey("statsError");
        assertThat(outcome.stats().serverVersion()).contains("MariaDB");
        // The machine's server started before this test, and from its uptime: so no later than now.
        assertThat(outcome.stats().serverStartedAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(outcome.stats().connectionsUsed()).isPositive();
        assertThat(outcome.stats().connectionsMax()).isPositive();
    }

    @Test
    void aFailedLoginIsCountedAmongTheRefusedClients() {
        long before = probe.probe(root()).stats().counters().get("Aborted_connects");

        probe.probe(new ProbeTarget("shop", Provider.MYSQL, MARIADB, "root", "not-the-password", Duration.ofSeconds(5)));
        DbStats after = probe.probe(root()).stats();

        assertThat(after.counters().get("Aborted_connects")).as("the failed login").isGreaterThan(before);
    }

    @Test
    void cumulativeCountersUnderTheServersNamesAndGaugesInTheDetails() {
        DbStats first = probe.probe(root()).stats();
        DbStats second = probe.probe(root()).stats();

        assertThat(second.counters()).containsKeys("Connection_errors_max_connections", "Aborted_connects",
                "Slow_queries", "Questions", "Innodb_row_lock_waits", "Innodb_row_lock_time", "Innodb_deadlocks",
                "Innodb_buffer_pool_read_requests", "Innodb_buffer_pool_reads");
        assertThat(second.counters().get("Questions")).as("the first probe's own statements")
                .isGreaterThan(first.counters().get("Questions"));
        assertThat(second.details()).containsKeys("threadsRunning", "maxUsedConnections")
                .doesNotContainKeys("abortedConnects", "refusedAtMaxConnections", "slowQueries");
        assertThat((Long) second.details().get("threadsRunning")).as("this probe's own thread").isPositive();
        assertThat(second.cacheHitRatio()).as("the buffer pool's, since start").isBetween(0.0, 1.0);
    }

    @Test
    void aDeadlockIsCountedWithTheLockWaitBeforeIt() throws Exception {
        String table = "vigil_deadlock_" + unique();
        try (Connection setup = rootConnection()) {
            setup.createStatement().execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT) ENGINE=InnoDB");
            setup.createStatement().execute("INSERT INTO " + table + " VALUES (1, 0), (2, 0)");
            Map<String, Long> before = probe.probe(root()).stats().counters();

            deadlock(table, setup);

            Map<String, Long> after = probe.probe(root()).stats().counters();
            assertThat(after.get("Innodb_deadlocks")).isGreaterThan(before.get("Innodb_deadlocks"));
            assertThat(after.get("Innodb_row_lock_waits")).isGreaterThan(before.get("Innodb_row_lock_waits"));
        } finally {
            try (Connection cleanup = rootConnection()) {
                cleanup.createStatement().execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    // Each of two transactions holds one row and asks for the other's: the second to ask closes the cycle.
    private static void deadlock(String table, Connection observer) throws Exception {
        try (Connection a = rootConnection(); Connection b = rootConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            a.createStatement().executeUpdate("UPDATE " + table + " SET v = 1 WHERE id = 1");
            b.createStatement().executeUpdate("UPDATE " + table + " SET v = 1 WHERE id = 2");
            long bThread = threadId(b);
            CompletableFuture<Void> bWaits = CompletableFuture.runAsync(() -> update(b, table, 1));
            Eventually.await("the second transaction waiting for the first one's row", Duration.ofSeconds(10),
                    () -> lockWaiting(observer, bThread));
            SQLException victim = null;
            try {
                a.createStatement().executeUpdate("UPDATE " + table + " SET v = 2 WHERE id = 2");
            } catch (SQLException e) {
                victim = e;
            }
            try {
                bWaits.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                victim = (SQLException) e.getCause().getCause();
            }
            assertThat((Throwable) victim).as("one of the two chosen as the deadlock victim").isNotNull();
            assertThat(victim.getErrorCode()).isEqualTo(1213);
            a.rollback();
            b.rollback();
        }
    }

    private static void update(Connection connection, String table, int id) {
        try {
            connection.createStatement().executeUpdate("UPDATE " + table + " SET v = 2 WHERE id = " + id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long threadId(Connection connection) throws SQLException {
        ResultSet row = connection.createStatement().executeQuery("SELECT CONNECTION_ID()");
        row.next();
        return row.getLong(1);
    }

    private static boolean lockWaiting(Connection observer, long thread) {
        try (PreparedStatement query = observer.prepareStatement("SELECT COUNT(*) FROM information_schema.INNODB_TRX"
                + " WHERE trx_mysql_thread_id = ? AND trx_state = 'LOCK WAIT'")) {
            query.setLong(1, thread);
            ResultSet row = query.executeQuery();
            row.next();
            return row.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aServerThatIsNoReplicaHasNoReplicationFiguresAndRootSeesEverything() {
        DbStats stats = probe.probe(root()).stats();

        assertThat(stats.details()).doesNotContainKeys("replication", DbStats.REPLICATION_STOPPED, DbStats.NOT_VISIBLE);
        assertThat(stats.replicationLagSeconds()).isNull();
        assertThat(stats.notVisible()).isEmpty();
    }

    @Test
    void aUserWithoutMonitoringPrivilegesIsUpWithTheReplicationNotVisible() throws SQLException {
        String user = "vigil_usage_" + unique();
        String password = "pw-" + unique();
        try (Connection admin = rootConnection()) {
            try (PreparedStatement create = admin.prepareStatement("CREATE USER ?@'127.0.0.1' IDENTIFIED BY ?")) {
                create.setString(1, user);
                create.setString(2, password);
                create.execute();
            }
            try {
                ProbeOutcome outcome = probe.probe(new ProbeTarget("shop", Provider.MYSQL,
                        "127.0.0.1:3306/information_schema", user, password, Duration.ofSeconds(5)));

                assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
                assertThat(outcome.details()).doesNotContainKey("statsError");
                assertThat(outcome.stats().counters()).containsKeys("Questions", "Innodb_row_lock_waits",
                        "Innodb_deadlocks", "Innodb_buffer_pool_reads");
                assertThat(outcome.stats().notVisible())
                        .containsExactly(entry("replication", "not visible to this user: grant SLAVE MONITOR"));
                assertThat(outcome.stats().details()).doesNotContainKeys("replication", DbStats.REPLICATION_STOPPED);
                assertThat(outcome.stats().replicationLagSeconds()).isNull();
                assertThat(outcome.stats().toString()).doesNotContain(password);
            } finally {
                try (PreparedStatement drop = admin.prepareStatement("DROP USER ?@'127.0.0.1'")) {
                    drop.setString(1, user);
                    drop.execute();
                }
            }
        }
    }

    private static ProbeTarget root() {
        return new ProbeTarget("shop", Provider.MYSQL, MARIADB, "root", "", Duration.ofSeconds(5));
    }

    private static Connection rootConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + MARIADB, "root", "");
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void wrongPasswordIsDownWithoutThePassword() {
        String password = "definitely-wrong-secret";

        ProbeOutcome outcome = probe.probe(new ProbeTarget("shop", Provider.MYSQL, MARIADB, "root", password, Duration.ofSeconds(5)));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorMessage()).contains("Access denied").doesNotContain(password);
        assertThat(outcome.details()).containsEntry("sqlState", "28000");
    }

    @Test
    void closedPortIsDownQuickly() {
        int port = TestSockets.closedPort();

        ProbeOutcome outcome = probe.probe(new ProbeTarget("gone", Provider.MYSQL, "127.0.0.1:" + port + "/test",
                "root", "", Duration.ofSeconds(3)));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isNotBlank();
        assertThat(outcome.errorMessage()).contains("127.0.0.1").containsIgnoringCase("refused");
        assertThat(outcome.latency()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void silentServerIsDownWithinTheTimeout() throws Exception {
        try (ServerSocket silent = TestSockets.silentServer()) {
            long start = System.nanoTime();

            ProbeOutcome outcome = probe.probe(new ProbeTarget("silent", Provider.MYSQL,
                    "127.0.0.1:" + silent.getLocalPort() + "/test", "root", "", TIMEOUT));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(1500));
            assertThat(outcome.reachable()).isFalse();
            assertThat(outcome.errorClass()).isNotBlank();
        }
    }
}
