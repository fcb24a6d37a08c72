package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
                .containsKeys("blockedClients", "maxmemoryPolicy", "connectedReplicas")
                .doesNotContainKeys(DbStats.NOT_VISIBLE, DbStats.REPLICATION_STOPPED, "rejectedConnections");
        assertThat((Double) stats.details().get("memFragmentationRatio")).isPositive();
        assertThat((Long) stats.details().get("slowlogLength")).isNotNegative();
        // The counters as INFO names them, cumulative: the hit and the miss above are in them.
        assertThat(stats.counters()).containsOnlyKeys(RedisStats.COUNTERS);
        assertThat(stats.counters().get("keyspace_hits")).isPositive();
        assertThat(stats.counters().get("keyspace_misses")).isPositive();
        assertThat(stats.counters().get("total_commands_processed")).isPositive();
        assertThat(stats.counters().get("rejected_connections")).isNotNegative();
    }

    @Test
    void aUserAllowedPingAndInfoButNotSlowlogIsUpWithTheSlowlogLengthNotVisible() {
        String user = "vigil-test-" + UUID.randomUUID();
        String password = "pw-" + UUID.randomUUID();
        try (Jedis admin = new Jedis("127.0.0.1", 6379)) {
            admin.aclSetUser(user, "on", ">" + password, "-@all", "+ping", "+info");
            try {
                ProbeOutcome outcome = probe.probe(new ProbeTarget("cache", Provider.REDIS, REDIS, user, password,
                        Duration.ofSeconds(5)));

                assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
                assertThat(outcome.details()).doesNotContainKey("statsError");
                assertThat(outcome.stats().notVisible())
                        .containsExactly(Map.entry("slowlogLength", "not visible to this user: allow SLOWLOG (+slowlog|len)"));
                assertThat(outcome.stats().details()).doesNotContainKey("slowlogLength");
                assertThat(outcome.stats().counters()).containsKeys("keyspace_hits", "keyspace_misses");

                // The README's ACL for the monitoring user: with +slowlog|len the length is there.
                admin.aclSetUser(user, "+slowlog|len");
                ProbeOutcome allowed = probe.probe(new ProbeTarget("cache", Provider.REDIS, REDIS, user, password,
                        Duration.ofSeconds(5)));

                assertThat(allowed.stats().notVisible()).isEmpty();
                assertThat((Long) allowed.stats().details().get("slowlogLength")).isNotNegative();
            } finally {
                admin.aclDelUser(user);
            }
        }
    }

    @Test
    void aServerThatRefusesSlowlogOtherwiseKeepsItsInfoFigures() throws Exception {
        // As a Redis with rename-command SLOWLOG "" answers: a server of a few lines, since the machine's
        // Redis must not be reconfigured.
        try (ServerSocket server = TestSockets.silentServer()) {
            Thread.ofVirtual().start(() -> answer(server, Map.of("PING", "+PONG",
                    "INFO", bulk("# Server\r\nredis_version:7.0.15\r\nuptime_in_seconds:60\r\n# Stats\r\n"
                            + "keyspace_hits:5\r\nkeyspace_misses:5\r\n"),
                    "SLOWLOG", "-ERR unknown command 'SLOWLOG', with args beginning with: 'LEN'")));

            ProbeOutcome outcome = probe.probe(new ProbeTarget("renamed", Provider.REDIS,
                    "127.0.0.1:" + server.getLocalPort(), null, null, Duration.ofSeconds(5)));

            assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
            assertThat(outcome.details()).doesNotContainKey("statsError");
            assertThat(outcome.stats().keyspaceHitRate()).isEqualTo(0.5);
            assertThat(outcome.stats().notVisible().get("slowlogLength"))
                    .startsWith("not available: ").contains("unknown command 'SLOWLOG'");
        }
    }

    @Test
    void aReplicaWithItsLinkUpHasItsLagFromItsLastContactWithThePrimary() {
        DbStats stats = RedisStats.of(captured("replica-link-up.info"), RedisStats.Slowlog.of(0));

        assertThat(stats.replicationLagSeconds()).isEqualTo(0.0);
        assertThat(stats.details()).containsEntry("role", "slave").containsEntry("masterLinkStatus", "up")
                .doesNotContainKey(DbStats.REPLICATION_STOPPED);
    }

    @Test
    void aReplicaWhosePrimaryWentAwaySaysForHowLongItsLinkIsDown() {
        // Captured from a throwaway replica four seconds after its primary shut down.
        DbStats stats = RedisStats.of(captured("replica-link-down.info"), RedisStats.Slowlog.of(0));

        assertThat(stats.replicationLagSeconds()).isNull();
        assertThat(stats.details()).containsEntry("masterLinkStatus", "down")
                .containsEntry(DbStats.REPLICATION_STOPPED, "link to master 127.0.0.1:6391 down for 4 s");
    }

    @Test
    void aReplicaThatNeverReachedItsPrimarySaysSo() {
        // INFO gives -1 seconds down when the link was never up.
        DbStats stats = RedisStats.of(captured("replica-never-linked.info"), RedisStats.Slowlog.of(0));

        assertThat(stats.replicationLagSeconds()).isNull();
        assertThat(stats.details()).containsEntry(DbStats.REPLICATION_STOPPED,
                "link to master 127.0.0.1:6391 down, not up once since this server started");
    }

    @Test
    void aPrimarysLagIsItsSlowestReplicas() {
        Map<String, String> info = captured("primary-with-replica.info");

        assertThat(RedisStats.of(info, RedisStats.Slowlog.of(0)).replicationLagSeconds()).isEqualTo(0.0);
        info.put("slave1", "ip=10.0.0.7,port=6379,state=online,offset=90,lag=3");
        assertThat(RedisStats.of(info, RedisStats.Slowlog.of(0)).replicationLagSeconds()).isEqualTo(3.0);
        assertThat(RedisStats.of(captured("replica-never-linked.info"), RedisStats.Slowlog.of(0)).details()).containsEntry("connectedReplicas", 0L);
    }

    @Test
    void aFailedSaveAndCountersAreReadFromInfo() {
        Map<String, String> info = RedisInfo.parse(String.join("\r\n", "# Persistence", "rdb_last_bgsave_status:err",
                "aof_enabled:1", "aof_last_write_status:err", "# Stats", "rejected_connections:17", "evicted_keys:3",
                "mem_fragmentation_ratio:1.25"));

        assertThat(RedisStats.details(info)).containsEntry("lastSaveStatus", "err")
                .containsEntry("lastAppendOnlyWriteStatus", "err").containsEntry("memFragmentationRatio", 1.25);
        assertThat(RedisStats.counters(info)).containsExactly(Map.entry("rejected_connections", 17L),
                Map.entry("evicted_keys", 3L));
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

    // INFO of throwaway servers on this machine (redis-server 7.0 --replicaof), as they printed it.
    private static Map<String, String> captured(String file) {
        try (InputStream in = RedisProbeTest.class.getResourceAsStream("/redis/" + file)) {
            return RedisInfo.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bulk(String text) {
        return "$" + text.getBytes(StandardCharsets.UTF_8).length + "\r\n" + text;
    }

    // Reads RESP commands (*count, then $length and the argument) and answers each by its name.
    private static void answer(ServerSocket server, Map<String, String> replies) {
        try (Socket client = server.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int count = Integer.parseInt(line.substring(1));
                String command = null;
                for (int i = 0; i < count; i++) {
                    in.readLine();
                    String argument = in.readLine();
                    command = command == null ? argument.toUpperCase(Locale.ROOT) : command;
                }
                out.write((replies.getOrDefault(command, "-ERR unexpected") + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // The probe closed the connection: nothing more to answer.
        }
    }
}
