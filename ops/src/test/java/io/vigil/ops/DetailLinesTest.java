package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetailLinesTest {

    @Test
    void replicationReadsAsStandbysBehindAndSlotsHoldingWal() {
        assertThat(DetailLines.of("standbys", List.of(Map.of("name", "walreceiver", "address", "10.0.0.7",
                "state", "streaming", "sync", "async", "replayLagSeconds", 2.19, "replayBytesBehind", 12_901_936))))
                .isEqualTo("walreceiver 10.0.0.7 streaming async, 2.2 s behind (12.3 MB)");
        assertThat(DetailLines.of("replicationSlots", List.of(Map.of("name", "standby_one", "type", "physical",
                "active", false, "retainedBytes", 6_418_872))))
                .isEqualTo("standby_one physical inactive, holds 6.1 MB of WAL");
    }

    @Test
    void aMysqlReplicaChannelSaysWhichThreadStopped() {
        assertThat(DetailLines.of("replication", List.of(Map.of("name", "", "source", "10.0.0.5:3306",
                "secondsBehind", 16, "ioRunning", true, "sqlRunning", true), Map.of("name", "reports",
                "ioRunning", true, "sqlRunning", false))))
                .isEqualTo("default from 10.0.0.5:3306, IO running, SQL running, 16.0 s behind,"
                        + " reports, IO running, SQL STOPPED");
    }

    @Test
    void aFailingArchiverSaysSinceWhenAndWhichSegment() {
        assertThat(DetailLines.of("archiver", Map.of("mode", "on", "failing", true,
                "lastFailedAt", "2026-12-03T10:00:00Z", "lastFailedWal", "000000010000000000000003")))
                .isEqualTo("on, FAILING since 2026-12-03T10:00:00Z (000000010000000000000003)");
        assertThat(DetailLines.of("archiver", Map.of("mode", "off"))).isEqualTo("off");
    }

    @Test
    void wraparoundNamesTheOldestDatabaseAgainstBothLimits() {
        assertThat(DetailLines.of("wraparound", Map.of("freezeMaxAge", 200_000_000, "oldestDatabases",
                List.of(Map.of("database", "orders", "xidAge", 150_000_000, "percentOfFreezeMaxAge", 75.0,
                        "percentToWraparound", 7.0)))))
                .isEqualTo("oldest orders 150000000 transactions, 75.0% of autovacuum_freeze_max_age, 7.0% to wraparound");
    }

    @Test
    void tablesSessionsAndIndexesReadInOneLineEach() {
        assertThat(DetailLines.of("deadTuples", List.of(Map.of("schema", "public", "table", "churn", "deadTuples", 600,
                "liveTuples", 400, "vacuumThreshold", 50, "overThreshold", true, "autovacuumEnabled", false))))
                .isEqualTo("public.churn 600 dead of 400 live, vacuum at 50 (over), autovacuum off for it");
        // A snapshot stored before the table figures grew still reads.
        assertThat(DetailLines.of("deadTuples", List.of(Map.of("schema", "public", "table", "orders", "deadTuples", 1200))))
                .isEqualTo("public.orders 1200");
        assertThat(DetailLines.of("sessions", List.of(Map.of("state", "idle in transaction", "sessions", 2,
                "oldestSeconds", 95.0), Map.of("state", "active", "sessions", 3, "oldestSeconds", 12.0,
                "waitingOnLock", 2))))
                .isEqualTo("idle in transaction 2 (oldest 2 min), active 3 (oldest 12.0 s), 2 waiting on a lock");
        assertThat(DetailLines.of("largestIndexes", List.of(Map.of("schema", "public", "index", "customer_pkey",
                "table", "customer", "sizeBytes", 16_384, "scans", 0, "backsConstraint", true))))
                .isEqualTo("public.customer_pkey 16.0 KB, 0 scans, a constraint's");
        assertThat(DetailLines.of("serverVersion", "17")).isNull();
    }
}
