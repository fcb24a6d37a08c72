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
                assertMaintenance(outcome.stats());
                assertReplication(outcome.stats(), state);
                assertCounters(outcome.stats(), state);
            }
            assertThat(superuser.stats().longestTransactionSeconds()).as("the open transaction").isNotNull().isNotNegative();
            assertThat(superuser.stats().notVisible()).isEmpty();
            assertThat(plain.stats().longestTransactionSeconds()).as("never the role's own, never a guess").isNull();
            assertThat(plain.stats().notVisible()).containsKey("longestTransactionSeconds");
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

    /** Dead tuples (the deleted rows, and the rolled-back insert's one) and the never-scanned index. */
    private static void assertMaintenance(DbStats stats) {
        assertThat(stats.details()).containsEntry("deadTuples", List.of(
                Map.of("schema", "public", "table", "churn", "deadTuples", InterestingStates.DELETED),
                Map.of("schema", "public", "table", "vigil_locks", "deadTuples", 1L)));
        assertThat(stats.details()).containsEntry("unusedIndexes",
                List.of(Map.of("schema", "public", "table", "churn", "index", "churn_payload_idx")));
    }

    /**
     * A slot alone (vigil_test_slot, no standby attached) is no copy of the data, so no lag. Once the probe
     * reports slots, assert vigil_test_slot here (inactive, retaining WAL).
     */
    private static void assertReplication(DbStats stats, ServerState state) {
        assertThat(state.slotExists()).isTrue();
        assertThat(stats.replicationLagSeconds()).isNull();
        assertThat(stats.details()).doesNotContainKey(DbStats.REPLICATION_STOPPED);
    }

    /**
     * The server's cumulative counters: every one the probe reports is at least what the server showed
     * before the probe (they only grow). Once the probe reports them, require each name here too.
     */
    private static void assertCounters(DbStats stats, ServerState state) {
        Map<String, Long> atLeast = Map.of("xact_rollback", state.rollbacks(), "deadlocks", state.deadlocks(),
                "temp_files", state.tempFiles(), "failed_count", state.archiveFailures());
        atLeast.forEach((name, floor) -> {
            if (stats.counters().containsKey(name)) {
                assertThat(stats.counters().get(name)).as(name).isGreaterThanOrEqualTo(floor);
            }
        });
    }
}
