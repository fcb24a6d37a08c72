package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MysqlGlobalStatusTest {

    @Test
    void countersKeepTheServersNamesAndGaugesGoToTheDetails() {
        MysqlGlobalStatus status = new MysqlGlobalStatus(Map.ofEntries(entry("Threads_connected", "4"),
                entry("Uptime", "3600"), entry("Threads_running", "2"), entry("Max_used_connections", "9"),
                entry("Aborted_connects", "3"), entry("Questions", "1200"), entry("Innodb_row_lock_waits", "5"),
                entry("Innodb_row_lock_time", "70"), entry("Innodb_deadlocks", "1"),
                entry("Innodb_buffer_pool_read_requests", "1000"), entry("Innodb_buffer_pool_reads", "50")));

        assertThat(status.threadsConnected()).isEqualTo(4);
        assertThat(status.uptimeSeconds()).isEqualTo(3600L);
        assertThat(status.counters()).containsOnly(entry("Aborted_connects", 3L), entry("Questions", 1200L),
                entry("Innodb_row_lock_waits", 5L), entry("Innodb_row_lock_time", 70L), entry("Innodb_deadlocks", 1L),
                entry("Innodb_buffer_pool_read_requests", 1000L), entry("Innodb_buffer_pool_reads", 50L));
        assertThat(status.details()).containsOnlyKeys("threadsRunning", "maxUsedConnections")
                .containsEntry("threadsRunning", 2L).containsEntry("maxUsedConnections", 9L);
        assertThat(status.bufferPoolHitRate()).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void aBufferPoolNeverReadHasNoHitRateRatherThanAPerfectOne() {
        MysqlGlobalStatus status = new MysqlGlobalStatus(Map.of("Innodb_buffer_pool_read_requests", "0",
                "Innodb_buffer_pool_reads", "0"));

        assertThat(status.bufferPoolHitRate()).isNull();
        assertThat(status.threadsConnected()).isNull();
        assertThat(status.uptimeSeconds()).isNull();
    }
}
