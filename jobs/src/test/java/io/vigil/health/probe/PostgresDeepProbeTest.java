package io.vigil.health.probe;

import static io.vigil.health.probe.PostgresTargets.connect;
import static io.vigil.health.probe.PostgresTargets.createDatabase;
import static io.vigil.health.probe.PostgresTargets.execute;
import static io.vigil.health.probe.PostgresTargets.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.EmbeddedPostgresExtension;
import io.vigil.testing.Eventually;
import io.vigil.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deep PostgreSQL figures, each against the embedded server in a state the test makes. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresDeepProbeTest {

    private final PostgresProbe probe = new PostgresProbe();

    @Test
    void countersCountRollbacksDeadlocksAndTempFilesAsTheyHappen(TestDatabase db) throws Exception {
        String database = createDatabase(db, "counters");
        execute(db, database, "CREATE TABLE account (id int PRIMARY KEY, balance int)",
                "INSERT INTO account VALUES (1, 0), (2, 0)");
        Map<String, Long> before = stats(db, database).counters();

        try (Connection first = connect(db, database); Connection second = connect(db, database);
             Statement one = first.createStatement(); Statement two = second.createStatement()) {
            one.execute("SET work_mem = '64kB'");
            one.execute("SELECT g FROM generate_series(1, 100000) g ORDER BY g DESC");
            deadlock(first, second);
            for (Statement session : List.of(one, two)) {
                flushStatistics(session);
            }
        }
        Map<String, Long> after = stats(db, database).counters();

        assertThat(after.get("deadlocks") - before.get("deadlocks")).isEqualTo(1);
        assertThat(after.get("xact_rollback") - before.get("xact_rollback")).as("both sides rolled back")
                .isGreaterThanOrEqualTo(2);
        assertThat(after.get("temp_files") - before.get("temp_files")).isGreaterThanOrEqualTo(1);
        assertThat(after.get("temp_bytes")).isGreaterThan(before.get("temp_bytes"));
        assertThat(after).containsKeys("blks_hit", "blks_read", "xact_commit", "conflicts", "checkpoints_timed",
                "checkpoints_req", "archived_count", "failed_count");
    }

    @Test
    void aSlotNobodyConsumesIsReplicationThatStoppedHoldingWal(TestDatabase db) throws SQLException {
        String database = createDatabase(db, "slot");
        String slot = database + "_slot";
        execute(db, database, "SELECT pg_create_physical_replication_slot('" + slot + "', true)");
        try {
            execute(db, database, "CREATE TABLE filler AS SELECT g, repeat('x', 100) AS pad FROM generate_series(1, 20000) g");

            DbStats stats = stats(db, database);

            assertThat(stats.details()).containsEntry("role", "primary").doesNotContainKey("standbys");
            assertThat(rows(stats, "replicationSlots")).anySatisfy(row -> assertThat(row)
                    .containsEntry("name", slot).containsEntry("type", "physical").containsEntry("active", false)
                    .hasEntrySatisfying("retainedBytes", bytes -> assertThat((Long) bytes).isPositive()));
            assertThat((String) stats.details().get(DbStats.REPLICATION_STOPPED))
                    .contains("replication slot '" + slot + "' has no consumer and holds ").contains(" MB of WAL");
            assertThat(stats.replicationLagSeconds()).as("no standby: no lag to measure").isNull();
        } finally {
            execute(db, database, "SELECT pg_drop_replication_slot('" + slot + "')");
        }
        assertThat(stats(db, database).details()).doesNotContainKeys("replicationSlots", DbStats.REPLICATION_STOPPED);
    }

    @Test
    void sessionsByStateNameHowOldTheOldestOfEachIsAndWhoWaitsOnALock(TestDatabase db) throws Exception {
        String database = createDatabase(db, "sessions");
        execute(db, database, "CREATE TABLE seat (id int PRIMARY KEY, taken boolean)", "INSERT INTO seat VALUES (1, false)");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection holder = connect(db, database); Connection waiter = connect(db, database);
             Connection idle = connect(db, database)) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("UPDATE seat SET taken = true WHERE id = 1");
            }
            Future<?> blocked = executor.submit(() -> {
                try (Statement statement = waiter.createStatement()) {
                    statement.execute("UPDATE seat SET taken = false WHERE id = 1");
                }
                return null;
            });
            Eventually.await("the second session waits on the first's row lock", Duration.ofSeconds(10),
                    () -> waitingOnLock(db, database) == 1);

            DbStats stats = stats(db, database);

            assertThat(rows(stats, "sessions")).anySatisfy(row -> assertThat(row)
                    .containsEntry("state", "idle in transaction").containsEntry("sessions", 1)
                    .containsEntry("waitingOnLock", 0)
                    .hasEntrySatisfying("oldestSeconds", age -> assertThat((Double) age).isNotNegative()));
            assertThat(rows(stats, "sessions")).anySatisfy(row -> assertThat(row)
                    .containsEntry("state", "active").containsEntry("waitingOnLock", 1));
            assertThat(rows(stats, "sessions")).anySatisfy(row -> assertThat(row).containsEntry("state", "idle"));
            holder.rollback();
            blocked.get();
        } finally {
            executor.shutdown();
        }
    }

    private static int waitingOnLock(TestDatabase db, String database) {
        try (Connection connection = connect(db, database); Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void wraparoundIsTheOldestDatabasesXidAgeAgainstAutovacuumFreezeMaxAge(TestDatabase db) throws SQLException {
        DbStats stats = stats(db, createDatabase(db, "wraparound"));

        @SuppressWarnings("unchecked")
        Map<String, Object> wraparound = (Map<String, Object>) stats.details().get("wraparound");
        assertThat(wraparound).containsEntry("freezeMaxAge", 200_000_000L);
        assertThat(rows(wraparound.get("oldestDatabases"))).isNotEmpty().allSatisfy(row -> {
            long age = (Long) row.get("xidAge");
            assertThat(age).isPositive();
            assertThat(row).containsEntry("percentOfFreezeMaxAge", Math.round(age * 1000.0 / 200_000_000) / 10.0)
                    .containsKey("multixactAge");
        });
        assertThat(stats.details()).containsEntry("autovacuum", "on");
    }

    @Test
    void anIndexThatBacksAConstraintIsNeverCalledUnused(TestDatabase db) throws SQLException {
        String database = createDatabase(db, "indexes");
        execute(db, database, "CREATE TABLE customer (id int PRIMARY KEY, email text UNIQUE)",
                "CREATE TABLE purchase (id int, customer_id int REFERENCES customer (id), note text)",
                "CREATE INDEX purchase_customer_idx ON purchase (customer_id)",
                "CREATE UNIQUE INDEX purchase_note_key ON purchase (note)");

        DbStats stats = stats(db, database);

        assertThat(rows(stats, "unusedIndexes")).extracting(row -> row.get("index"))
                .containsExactly("purchase_customer_idx");
        assertThat(rows(stats, "largestIndexes")).anySatisfy(row -> assertThat(row)
                .containsEntry("index", "customer_pkey").containsEntry("backsConstraint", true));
        assertThat(stats.details()).doesNotContainKey("statsReset").as("a new database's statistics were never reset");
        execute(db, database, "SELECT pg_stat_reset()");
        assertThat(stats(db, database).details()).containsKey("statsReset");
    }

    @Test
    void slotsReservedForSuperusersComeOffTheConnectionLimit(TestDatabase db) throws SQLException {
        DbStats stats = stats(db, createDatabase(db, "reserved"));

        // The embedded server's max_connections is 300 by default in zonky's set-up; read it rather than assume.
        int max;
        try (Connection connection = connect(db, db.name()); Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT current_setting('max_connections')::int"
                     + " - current_setting('superuser_reserved_connections')::int"
                     + " - current_setting('reserved_connections')::int")) {
            row.next();
            max = row.getInt(1);
        }
        assertThat(stats.connectionsMax()).isEqualTo(max);
        assertThat(stats.details()).containsEntry("reservedConnections", 3);
        @SuppressWarnings("unchecked")
        Map<String, Object> archiver = (Map<String, Object>) stats.details().get("archiver");
        assertThat(archiver).containsEntry("mode", "off").doesNotContainKey("failing");
    }

    private DbStats stats(TestDatabase db, String database) {
        ProbeOutcome outcome = probe.probe(target(db, database));
        assertThat(outcome.details()).doesNotContainKey("statsError");
        assertThat(outcome.stats().details()).doesNotContainKey(ProbeSections.UNAVAILABLE);
        return outcome.stats();
    }

    private static List<Map<String, Object>> rows(DbStats stats, String key) {
        return rows(stats.details().get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    // Each session holds one row and asks for the other's: the server breaks the cycle by failing one of them.
    private static void deadlock(Connection first, Connection second) throws Exception {
        for (Connection session : List.of(first, second)) {
            session.setAutoCommit(false);
            try (Statement statement = session.createStatement()) {
                statement.execute("SET deadlock_timeout = '10ms'");
            }
        }
        update(first, 1);
        update(second, 2);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> firstWaits = executor.submit(() -> {
                update(first, 2);
                return null;
            });
            CompletableFuture<Void> secondWaits = CompletableFuture.runAsync(() -> {
                try {
                    update(second, 1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            int failed = 0;
            for (Future<?> side : List.of(firstWaits, secondWaits)) {
                try {
                    side.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    assertThat(e).rootCause().hasMessageContaining("deadlock detected");
                }
            }
            assertThat(failed).isEqualTo(1);
        } finally {
            executor.shutdown();
            first.rollback();
            second.rollback();
            first.setAutoCommit(true);
            second.setAutoCommit(true);
        }
    }

    private static void update(Connection session, int id) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute("UPDATE account SET balance = balance + 1 WHERE id = " + id);
        }
    }

    // Statistics reach shared memory lazily: force the flush, then one more statement to be sure it happened.
    private static void flushStatistics(Statement session) throws SQLException {
        session.execute("SELECT pg_stat_force_next_flush()");
        session.execute("SELECT 1");
    }
}
