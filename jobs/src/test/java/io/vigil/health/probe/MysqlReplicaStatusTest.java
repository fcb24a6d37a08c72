package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** On replica status rows captured from a real MariaDB 10.11 replica pair (the comment atop each file says how). */
class MysqlReplicaStatusTest {

    private static final UnaryOperator<String> AS_IS = UnaryOperator.identity();

    private static MysqlReplicaStatus captured(String name) {
        return MysqlReplicaStatus.of(CapturedRows.read("mysql/" + name + ".tsv"), AS_IS);
    }

    @Test
    void aReplicaThatHasCaughtUpIsZeroBehind() {
        MysqlReplicaStatus status = captured("running");

        assertThat(status.channels()).containsExactly(Map.of("name", "main", "source", "127.0.0.1:3307",
                "secondsBehind", 0L, "ioRunning", true, "sqlRunning", true));
        assertThat(status.lagSeconds()).isEqualTo(0.0);
        assertThat(status.stoppedBecause()).isNull();
    }

    @Test
    void aDelayedReplicaLagsWithBothThreadsRunning() {
        MysqlReplicaStatus status = captured("lagging");

        assertThat(status.lagSeconds()).isEqualTo(16.0);
        assertThat(status.stoppedBecause()).isNull();
        assertThat(status.channels().getFirst()).containsEntry("secondsBehind", 16L);
    }

    @Test
    void aFailedEventStopsTheSqlThreadAndTheQueryTextIsLeftOut() {
        MysqlReplicaStatus status = captured("sql-stopped");

        assertThat(status.stoppedBecause()).isEqualTo("replica 'main': SQL thread not running: "
                + "Error 'Duplicate entry '3' for key 'PRIMARY'' on query. Default database: ''.");
        assertThat(status.lagSeconds()).as("the server reports no number while the SQL thread is stopped").isNull();
        assertThat(status.channels().getFirst()).containsEntry("ioRunning", true).containsEntry("sqlRunning", false)
                .doesNotContainKey("secondsBehind").doesNotContainKey("lastIoError");
        assertThat(status.channels().toString()).doesNotContain("INSERT");
    }

    @Test
    void anUnreachableSourceIsNamedWithoutTheReplicationUser() {
        MysqlReplicaStatus status = captured("io-failing");

        assertThat(status.stoppedBecause()).startsWith("replica 'main': IO thread still connecting: "
                + "error connecting to master '127.0.0.1:3309'").contains("Connection refused");
        assertThat(status.lagSeconds()).isNull();
        assertThat(status.channels().getFirst()).containsEntry("source", "127.0.0.1:3309")
                .containsEntry("ioRunning", false).containsEntry("sqlRunning", true);
        assertThat(status.channels().toString()).doesNotContain("repl@");
    }

    @Test
    void theLagIsTheRunningChannelsAndOnlyTheStoppedOneIsNamed() {
        MysqlReplicaStatus status = captured("two-channels");

        assertThat(status.channels()).extracting(channel -> channel.get("name")).containsExactly("main", "reports");
        assertThat(status.lagSeconds()).isEqualTo(7.0);
        assertThat(status.stoppedBecause()).startsWith("replica 'reports': IO thread still connecting: ")
                .doesNotContain("'main'");
    }

    @Test
    void aServerThatIsNoReplicaHasNoChannelsNoLagAndNothingStopped() {
        MysqlReplicaStatus status = captured("primary");

        assertThat(status.channels()).isEmpty();
        assertThat(status.lagSeconds()).isNull();
        assertThat(status.stoppedBecause()).isNull();
    }

    @Test
    void errorsPassThroughTheProbesScrubber() {
        MysqlReplicaStatus status = MysqlReplicaStatus.of(CapturedRows.read("mysql/io-failing.tsv"), m -> "scrubbed");

        assertThat(status.channels().getFirst()).containsEntry("lastIoError", "scrubbed");
        assertThat(status.stoppedBecause()).isEqualTo("replica 'main': IO thread still connecting: scrubbed");
    }

    // Not captured (no MySQL server here): the column names MySQL 8.0.22+ documents for SHOW REPLICA STATUS,
    // on its default channel, whose name is empty.
    @Test
    void readsMysqlsRenamedColumnsAndAnUnnamedChannel() {
        Map<String, String> row = new java.util.HashMap<>(Map.of("Channel_Name", "", "Source_Host", "db1",
                "Source_Port", "3306", "Replica_IO_Running", "Yes", "Replica_SQL_Running", "No",
                "Last_IO_Error", "", "Last_SQL_Error", "Worker 1 failed executing transaction"));
        row.put("Seconds_Behind_Source", null);

        MysqlReplicaStatus status = MysqlReplicaStatus.of(List.of(row), AS_IS);

        assertThat(status.channels()).containsExactly(Map.of("name", "", "source", "db1:3306", "ioRunning", true,
                "sqlRunning", false, "lastSqlError", "Worker 1 failed executing transaction"));
        assertThat(status.stoppedBecause()).isEqualTo("replica: SQL thread not running: Worker 1 failed executing transaction");
        assertThat(status.lagSeconds()).isNull();
    }
}
