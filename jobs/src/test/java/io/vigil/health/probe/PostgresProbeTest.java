package io.vigil.health.probe;

import static io.vigil.health.probe.PostgresTargets.address;
import static io.vigil.health.probe.PostgresTargets.connect;
import static io.vigil.health.probe.PostgresTargets.execute;
import static io.vigil.health.probe.PostgresTargets.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.EmbeddedPostgresExtension;
import io.vigil.testing.TestDatabase;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.InstanceOfAssertFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresProbeTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private static final InstanceOfAssertFactory<Map, org.assertj.core.api.MapAssert<Object, Object>> MAP =
            InstanceOfAssertFactories.map(Object.class, Object.class);

    private final PostgresProbe probe = new PostgresProbe();

    @Test
    void upWithAStatsSnapshot(TestDatabase db) {
        ProbeOutcome outcome = probe.probe(target(db, "postgres"));

        assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
        assertThat(outcome.latency()).isPositive();
        assertThat(outcome.details()).doesNotContainKey("statsError");
        DbStats stats = outcome.stats();
        assertThat(stats.serverVersion()).startsWith("17");
        // The embedded server of this test JVM: started minutes ago at most.
        assertThat(stats.serverStartedAt()).isBefore(Instant.now())
                .isAfter(Instant.now().minus(Duration.ofHours(1)));
        assertThat(stats.connectionsUsed()).isPositive();
        assertThat(stats.connectionsMax()).isPositive();
        assertThat(stats.databaseSizeBytes()).isPositive();
    }

    @Test
    void reportsDeadTuplesUnusedIndexesAndTheLongestTransaction(TestDatabase db) throws SQLException {
        // A database of its own, so the lists hold only what this test made.
        String database = db.name() + "_stats";
        execute(db, db.name(), "CREATE DATABASE " + database);
        try (Connection connection = connect(db, database);
             Connection openTransaction = connect(db, database);
             Statement statement = connection.createStatement();
             Statement other = openTransaction.createStatement()) {
            // Autovacuum off: it would otherwise be free to clean up the dead tuples before the probe looks.
            statement.execute("CREATE TABLE churn (id int PRIMARY KEY, payload text) WITH (autovacuum_enabled = false)");
            statement.execute("CREATE INDEX churn_payload_idx ON churn (payload)");
            statement.execute("INSERT INTO churn SELECT g, 'row ' || g FROM generate_series(1, 1000) g");
            statement.execute("DELETE FROM churn WHERE id <= 600");
            // Statistics reach shared memory lazily; this makes the session publish its counts right away.
            statement.execute("SELECT pg_stat_force_next_flush()");
            openTransaction.setAutoCommit(false);
            other.execute("SELECT 1");

            ProbeOutcome outcome = probe.probe(target(db, database));

            assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
            DbStats stats = outcome.stats();
            assertThat(stats.details()).hasEntrySatisfying("deadTuples", tables -> assertThat((List<?>) tables)
                    .singleElement().asInstanceOf(MAP).containsEntry("schema", "public").containsEntry("table", "churn")
                    .containsEntry("deadTuples", 600L).containsEntry("liveTuples", 400L)
                    // Never analysed, so reltuples is unknown and autovacuum's threshold is its base of 50.
                    .containsEntry("vacuumThreshold", 50L).containsEntry("overThreshold", true)
                    .containsEntry("autovacuumEnabled", false).containsEntry("settings", "autovacuum_enabled=false")
                    .doesNotContainKeys("lastVacuum", "lastAutovacuum"));
            assertThat(stats.details()).hasEntrySatisfying("unusedIndexes", indexes -> assertThat((List<?>) indexes)
                    .singleElement().asInstanceOf(MAP).containsEntry("table", "churn")
                    .containsEntry("index", "churn_payload_idx").containsEntry("scans", 0L)
                    .containsEntry("backsConstraint", false)
                    .hasEntrySatisfying("sizeBytes", size -> assertThat((Long) size).isPositive()));
            assertThat(stats.longestTransactionSeconds()).isNotNull().isNotNegative();
            assertThat(stats.cacheHitRatio()).isBetween(0.0, 1.0);
            assertThat(stats.connectionsUsed()).isGreaterThanOrEqualTo(3);
            openTransaction.rollback();
        }
    }

    @Test
    void statsTheUserMayNotReadLeaveTheTargetUp(TestDatabase db) throws SQLException {
        // A locked-down monitoring user: it may connect but not size the database.
        String database = db.name() + "_locked";
        execute(db, db.name(), "CREATE DATABASE " + database);
        execute(db, database, "DROP ROLE IF EXISTS vigil_probe_monitor");
        execute(db, database, "CREATE ROLE vigil_probe_monitor LOGIN");
        execute(db, database, "REVOKE EXECUTE ON FUNCTION pg_database_size(name) FROM PUBLIC");
        ProbeTarget target = new ProbeTarget("locked", Provider.POSTGRESQL, address(db, database),
                "vigil_probe_monitor", null, Duration.ofSeconds(5));

        ProbeOutcome outcome = probe.probe(target);

        assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
        assertThat(outcome.stats()).isNull();
        assertThat(outcome.details()).hasEntrySatisfying("statsError",
                error -> assertThat((String) error).contains("permission denied for function pg_database_size"));
    }

    @Test
    void aRoleWithoutPgMonitorCountsEverySessionAndSaysWhatItCannotSee(TestDatabase db) throws SQLException {
        // The sample configuration's monitoring role, before it is granted pg_monitor: pg_stat_activity
        // hides other roles' sessions' state and times from it.
        String database = db.name() + "_least";
        execute(db, db.name(), "CREATE DATABASE " + database);
        execute(db, database, "DROP ROLE IF EXISTS vigil_least_monitor");
        execute(db, database, "CREATE ROLE vigil_least_monitor LOGIN");
        ProbeTarget target = new ProbeTarget("least", Provider.POSTGRESQL, address(db, database), "vigil_least_monitor",
                null, Duration.ofSeconds(5));
        List<Connection> others = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                others.add(connect(db, database));
            }
            others.getFirst().setAutoCommit(false);
            try (Statement statement = others.getFirst().createStatement()) {
                statement.execute("SELECT 1");
            }

            DbStats limited = probe.probe(target).stats();

            assertThat(limited.connectionsUsed()).as("the other role's five sessions are counted").isGreaterThanOrEqualTo(6);
            assertThat(limited.longestTransactionSeconds()).as("never this role's own, never a guess").isNull();
            assertThat(limited.notVisible()).containsExactly(
                    Map.entry("longestTransactionSeconds", "not visible to this role: grant pg_monitor"),
                    Map.entry("sessions", "not visible to this role: grant pg_monitor"));
            assertThat(limited.notVisibleLine())
                    .isEqualTo("longest transaction, sessions by state not visible to this role: grant pg_monitor");
            assertThat(limited.details()).doesNotContainKey("sessions");

            execute(db, database, "GRANT pg_monitor TO vigil_least_monitor");
            DbStats granted = probe.probe(target).stats();

            assertThat(granted.connectionsUsed()).isGreaterThanOrEqualTo(6);
            assertThat(granted.longestTransactionSeconds()).as("the open transaction of the other role").isNotNull();
            assertThat(granted.notVisible()).isEmpty();
            assertThat(granted.details()).containsKey("sessions");
            assertThat(granted.details()).doesNotContainKey(DbStats.NOT_VISIBLE);
        } finally {
            for (Connection other : others) {
                other.close();
            }
        }
    }

    @Test
    void roleThatMayNotLogInIsDownWithoutThePassword(TestDatabase db) throws SQLException {
        String password = "nologin-Secret-42";
        execute(db, db.name(), "DROP ROLE IF EXISTS vigil_probe_nologin");
        execute(db, db.name(), "CREATE ROLE vigil_probe_nologin NOLOGIN PASSWORD '" + password + "'");
        ProbeTarget target = new ProbeTarget("orders", Provider.POSTGRESQL, address(db, db.name()),
                "vigil_probe_nologin", password, Duration.ofSeconds(5));

        ProbeOutcome outcome = probe.probe(target);

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isEqualTo("PSQLException");
        assertThat(outcome.errorMessage()).contains("not permitted to log in").doesNotContain(password);
        assertThat(outcome.details()).containsEntry("sqlState", "28000");
    }

    @Test
    void secretEchoedByTheServerIsScrubbed(TestDatabase db) {
        // The server repeats the user name in its error; here the "user name" is the secret.
        String secret = "leaked-token-9f2c";
        ProbeTarget target = new ProbeTarget("orders", Provider.POSTGRESQL, address(db, db.name()),
                secret, secret, Duration.ofSeconds(5));

        ProbeOutcome outcome = probe.probe(target);

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorMessage()).contains("role \"***\" does not exist").doesNotContain(secret);
    }

    @Test
    void closedPortIsDownQuickly() {
        int port = TestSockets.closedPort();
        ProbeTarget target = new ProbeTarget("gone", Provider.POSTGRESQL, "127.0.0.1:" + port + "/postgres",
                "postgres", "pw", Duration.ofSeconds(3));

        ProbeOutcome outcome = probe.probe(target);

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isEqualTo("PSQLException");
        assertThat(outcome.errorMessage()).isEqualTo("connection refused by 127.0.0.1:" + port);
        assertThat(outcome.details()).containsEntry("sqlState", "08001");
        assertThat(outcome.latency()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void silentServerIsDownWithinTheTimeout() throws Exception {
        try (ServerSocket silent = TestSockets.silentServer()) {
            ProbeTarget target = new ProbeTarget("silent", Provider.POSTGRESQL,
                    "127.0.0.1:" + silent.getLocalPort() + "/postgres", "postgres", "pw", TIMEOUT);
            long start = System.nanoTime();

            ProbeOutcome outcome = probe.probe(target);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(1500));
            assertThat(outcome.reachable()).isFalse();
            assertThat(outcome.errorMessage()).isEqualTo("no answer from 127.0.0.1:" + silent.getLocalPort() + " within 500 ms");
        }
    }

    @Test
    void malformedAddressIsDownWithTheAddressError() {
        ProbeOutcome outcome = probe.probe(new ProbeTarget("bad", Provider.POSTGRESQL, "foo", "user", "pw-secret", TIMEOUT));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isEqualTo("IllegalArgumentException");
        assertThat(outcome.errorMessage())
                .isEqualTo("address 'foo' is not host:port/database (for example 127.0.0.1:5432/orders)");
    }
}
