package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Against the Redis server every build machine runs on 127.0.0.1:6379, without a password. */
class RedisProbeTest {

    private static final String REDIS = "127.0.0.1:6379";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final RedisProbe probe = new RedisProbe();

    @Test
    void upWithMemoryClientsAndHitRate() {
        try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
            // One hit and one miss, so the hit rate has something to divide.
            jedis.set("vigil:probe-test", "x");
            jedis.get("vigil:probe-test");
            jedis.get("vigil:probe-test-missing");
            jedis.del("vigil:probe-test");
        }

        ProbeOutcome outcome = probe.probe(new ProbeTarget("cache", Provider.REDIS, REDIS, null, null, Duration.ofSeconds(5)));

        assertThat(outcome.reachable()).as("Redis must answer on %s: %s", REDIS, outcome.errorMessage()).isTrue();
        assertThat(outcome.details()).doesNotContainKey("statsError");
        DbStats stats = outcome.stats();
        assertThat(stats.serverVersion()).matches("\\d+\\.\\d+.*");
        assertThat(stats.serverStartedAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(stats.memoryUsedBytes()).isPositive();
        assertThat(stats.connectionsUsed()).isGreaterThanOrEqualTo(1);
        assertThat(stats.keyspaceHitRate()).isStrictlyBetween(0.0, 1.0);
        // The machine's Redis is a primary that saves nothing to disk: its last save (none) did not fail.
        assertThat(stats.details()).containsEntry("role", "master").containsEntry("lastSaveStatus", "ok")
                .containsKeys("rejectedConnections", "evictedKeys", "expiredKeys", "blockedClients", "maxmemoryPolicy",
                        "connectedReplicas");
        assertThat((Long) stats.details().get("rejectedConnections")).isNotNegative();
    }

    @Test
    void aReplicasLinkAndAFailedSaveAreReadFromInfo() {
        // A replica's INFO, as a Redis 7 replica whose primary is gone prints it (captured; no replica runs here).
        Map<String, Object> details = RedisProbe.details(RedisInfo.parse(String.join("\r\n", "# Replication",
                "role:slave", "master_host:10.0.0.5", "master_port:6379", "master_link_status:down",
                "connected_slaves:0", "# Persistence", "rdb_last_bgsave_status:err", "aof_enabled:1",
                "aof_last_write_status:err", "# Stats", "rejected_connections:17")));

        assertThat(details).containsEntry("role", "slave").containsEntry("masterLinkStatus", "down")
                .containsEntry("lastSaveStatus", "err").containsEntry("lastAppendOnlyWriteStatus", "err")
                .containsEntry("rejectedConnections", 17L).containsEntry("connectedReplicas", 0L);
    }

    @Test
    void passwordTheServerDoesNotExpectIsDownWithoutThePassword() {
        String password = "redis-wrong-secret";

        ProbeOutcome outcome = probe.probe(new ProbeTarget("cache", Provider.REDIS, REDIS, null, password, Duration.ofSeconds(5)));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isNotBlank();
        assertThat(outcome.errorMessage()).contains("AUTH").doesNotContain(password);
    }

    @Test
    void wrongUserAndPasswordIsDownWithoutThePassword() {
        String password = "redis-wrong-secret";

        ProbeOutcome outcome = probe.probe(new ProbeTarget("cache", Provider.REDIS, REDIS, "vigil", password, Duration.ofSeconds(5)));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorMessage()).contains("WRONGPASS").doesNotContain(password);
    }

    @Test
    void closedPortIsDownQuickly() {
        int port = TestSockets.closedPort();

        ProbeOutcome outcome = probe.probe(new ProbeTarget("gone", Provider.REDIS, "127.0.0.1:" + port, null, null,
                Duration.ofSeconds(3)));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isNotBlank();
        assertThat(outcome.errorMessage()).containsIgnoringCase("refused");
        assertThat(outcome.latency()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void silentServerIsDownWithinTheTimeout() throws Exception {
        try (ServerSocket silent = TestSockets.silentServer()) {
            long start = System.nanoTime();

            ProbeOutcome outcome = probe.probe(new ProbeTarget("silent", Provider.REDIS,
                    "127.0.0.1:" + silent.getLocalPort(), null, null, TIMEOUT));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(1500));
            assertThat(outcome.reachable()).isFalse();
            assertThat(outcome.errorClass()).isNotBlank();
        }
    }
}
