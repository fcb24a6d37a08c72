package io.vigil.compatibility;

import static io.vigil.compatibility.InterestingStates.DATABASE;
import static io.vigil.compatibility.InterestingStates.PLAIN_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.probe.DbStats;
import io.vigil.health.probe.PostgresProbe;
import io.vigil.health.probe.ProbeOutcome;
import io.vigil.testing.PostgresVersions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PostgreSQL probe against every supported major, each server in the states the probe has figures
 * for ({@link InterestingStates}), probed by a superuser and by a role without pg_monitor. The figures of
 * the deep probe get their assertions in the helpers below, one per topic.
 */
class PostgresVersionsTest {

    private static final List<Integer> SUPPORTED = List.of(13, 14, 15, 16, 17);

    @RegisterExtension
    static final PostgresVersions SERVERS = PostgresVersions.withSettings(InterestingStates.SETTINGS);

    private final PostgresProbe probe = new PostgresProbe();

    @Test
    void everySupportedMajorHasBinaries() {
        assertThat(PostgresVersions.majors())
                .as("binaries jars copied by jobs/pom.xml (mvn generate-test-resources -pl jobs)")
                .containsAll(SUPPORTED);
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @MethodSource("io.vigil.testing.PostgresVersions#majors")
    void theProbeReadsEveryStateAsSuperuserAndAsAPlainRole(int major) throws Exception {
        PostgresVersions.Server server = SERVERS.server(major);
        ServerState state = InterestingStates.make(server);
        try (Connection open = server.connect(DATABASE); Statement statement = open.createStatement()) {
            // Idle in transaction while the probes run: the longest transaction a superuser must see.
            open.setAutoCommit(false);
            statement.execute("SELECT 1");

            ProbeOutcome superuser = probe.probe(server.target(DATABASE, "postgres"));
            ProbeOutcome plain = probe.probe(server.target(DATABASE, PLAIN_ROLE));

            for (ProbeOutcome outcome : List.of(superuser, plain)) {
                assertUpWithAWholeSnapshot(outcome, major);
                assertThat(outcome.stats().details()).as("every part read").doesNotContainKey("unavailable");
                assertMaintenance(outcome.stats(), state);
                assertReplication(outcome.stats(), state);
                assertCounters(outcome.stats(), state);
            }
            assertThat(superuser.stats().longestTransactionSeconds()).as("the open transaction").isNotNull().isNotNegative();
            assertThat(superuser.stats().notVisible()).isEmpty();
            assertThat(plain.stats().longestTransactionSeconds()).as("never the role's own, never a guess").isNull();
            assertThat(plain.stats().notVisible()).containsKey("longestTransactionSeconds");
            assertSessionsAndStatements(superuser.stats(), plain.stats(), state);
            open.rollback();
        }
    }

    private static void assertUpWithAWholeSnapshot(ProbeOutcome outcome, int major) {
        assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
        assertThat(outcome.details()).doesNotContainKey("statsError");
        DbStats stats = outcome.stats();
        assertThat(stats.serverVersion()).startsWith(major + ".");
        assertThat(stats.connectionsUsed()).as("this probe and the open transaction at least").isGreaterThanOrEqualTo(2);
        assertThat(stats.connectionsMax()).isPositive();
        assertThat(stats.cacheHitRatio()).isNotNull().isBetween(0.0, 1.0);
        assertThat(stats.databaseSizeBytes()).isPositive();
        assertThat(stats.serverStartedAt()).isNotNull().isBefore(Instant.now());
    }

    /**
     * Dead tuples (the deleted rows, and the rolled-back insert's one), the never-scanned index, wraparound,
     * and the archiver failing on every WAL segment.
     */
    private static void assertMaintenance(DbStats stats, ServerState state) {
        assertThat(rows(stats, "deadTuples")).extracting(row -> row.get("table") + " " + row.get("deadTuples"))
                .containsExactly("churn " + InterestingStates.DELETED, "vigil_locks 1");
        assertThat(rows(stats, "unusedIndexes")).extracting(row -> row.get("index")).containsExactly("churn_payload_idx");
        assertThat(map(stats, "wraparound")).containsEntry("freezeMaxAge", 200_000_000L);
        assertThat(stats.details()).containsEntry("autovacuum", "on");
        assertThat(state.archiveFailures()).isPositive();
        assertThat(map(stats, "archiver")).containsEntry("mode", "on").containsEntry("failing", true)
                .containsKeys("lastFailedAt", "lastFailedWal");
    }

    /** A slot nobody consumes (vigil_test_slot) is replication that stopped, and no copy to measure a lag of. */
    private static void assertReplication(DbStats stats, ServerState state) {
        assertThat(state.slotExists()).isTrue();
        assertThat(stats.details()).containsEntry("role", "primary");
        assertThat(rows(stats, "replicationSlots")).singleElement().satisfies(slot -> assertThat(slot)
                .containsEntry("name", "vigil_test_slot").containsEntry("active", false));
        assertThat(stats.replicationLagSeconds()).isNull();
        assertThat((String) stats.details().get(DbStats.REPLICATION_STOPPED))
                .startsWith("replication slot 'vigil_test_slot' has no consumer");
    }

    /** The server's cumulative counters: every one at least what the server showed before the probe. */
    private static void assertCounters(DbStats stats, ServerState state) {
        Map<String, Long> atLeast = Map.of("xact_rollback", state.rollbacks(), "deadlocks", state.deadlocks(),
                "temp_files", state.tempFiles(), "failed_count", state.archiveFailures());
        atLeast.forEach((name, floor) -> assertThat(stats.counters().get(name)).as(name).isGreaterThanOrEqualTo(floor));
        assertThat(stats.counters()).containsKeys("blks_hit", "blks_read", "xact_commit", "checkpoints_timed",
                "checkpoints_req", "archived_count", "temp_bytes", "conflicts");
    }

    /** What only a role that sees every session gets: sessions by state, and every role's statement texts. */
    private static void assertSessionsAndStatements(DbStats superuser, DbStats plain, ServerState state) {
        assertThat(rows(superuser, "sessions")).extracting(row -> row.get("state")).contains("idle in transaction");
        assertThat(plain.notVisible()).containsKey("sessions");
        assertThat(state.statementsInstalled()).isTrue();
        assertThat(rows(superuser, "topStatements")).isNotEmpty()
                .allSatisfy(row -> assertThat(row).containsKeys("calls", "totalMillis", "query"));
        assertThat(rows(plain, "topStatements")).extracting(row -> (String) row.get("query"))
                .contains("(another role's: not visible to this role: grant pg_monitor)");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(DbStats stats, String key) {
        assertThat(stats.details().get(key)).as(key).isInstanceOf(List.class);
        return (List<Map<String, Object>>) stats.details().get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(DbStats stats, String key) {
        assertThat(stats.details().get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) stats.details().get(key);
    }
}
