package io.vigil.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.health.probe.DbStats;
import io.vigil.health.probe.MysqlProbe;
import io.vigil.health.probe.ProbeOutcome;
import io.vigil.health.probe.ProbeTarget;
import io.vigil.health.probe.Provider;
import io.vigil.health.probe.RedisProbe;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Target versions the machine does not run, from Testcontainers: MySQL 8 (the machine runs MariaDB) and
 * Redis 6.2 and 7.4 (it runs 7.0). Skipped, saying why, where there is no Docker engine (CI here has none);
 * the machine's own MariaDB and Redis are probed by the probe tests either way.
 */
class ContainerTargetsTest {

    private static final String ROOT_PASSWORD = "vigil-compat-test";

    @BeforeEach
    void dockerEngine() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine: MySQL 8 and Redis 6.2/7.4 targets not tested here (Testcontainers needs one)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql:8.0", "mysql:8.4"})
    void mysql(String image) {
        try (GenericContainer<?> mysql = new GenericContainer<>(image).withEnv("MYSQL_ROOT_PASSWORD", ROOT_PASSWORD)
                .withExposedPorts(3306)
                .waitingFor(Wait.forLogMessage(".*ready for connections.*port: 3306.*", 1))
                .withStartupTimeout(Duration.ofMinutes(3))) {
            mysql.start();
            ProbeOutcome outcome = new MysqlProbe().probe(new ProbeTarget("mysql8", Provider.MYSQL,
                    mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/mysql", "root", ROOT_PASSWORD,
                    Duration.ofSeconds(5)));

            assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
            assertThat(outcome.details()).doesNotContainKey("statsError");
            DbStats stats = outcome.stats();
            assertThat(stats.serverVersion()).startsWith(image.substring("mysql:".length()));
            assertThat(stats.connectionsUsed()).isPositive();
            assertThat(stats.connectionsMax()).isPositive();
            assertThat(stats.serverStartedAt()).isNotNull();
            assertThat(stats.counters()).containsKeys("Questions", "Innodb_row_lock_waits",
                    "Innodb_buffer_pool_read_requests", "Innodb_buffer_pool_reads");
            assertThat(stats.counters().containsKey("lock_deadlocks") || stats.notVisible().containsKey("lock_deadlocks"))
                    .as("MySQL's deadlocks come from INNODB_METRICS, or say why not").isTrue();
            assertThat(stats.notVisible()).as("root sees replica status").doesNotContainKey("replication");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"redis:6.2", "redis:7.4"})
    void redis(String image) {
        try (GenericContainer<?> redis = new GenericContainer<>(image).withExposedPorts(6379)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1))) {
            redis.start();
            ProbeOutcome outcome = new RedisProbe().probe(new ProbeTarget("redis", Provider.REDIS,
                    redis.getHost() + ":" + redis.getMappedPort(6379), null, null, Duration.ofSeconds(5)));

            assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
            DbStats stats = outcome.stats();
            assertThat(stats.serverVersion()).startsWith(image.substring("redis:".length()));
            assertThat(stats.memoryUsedBytes()).isPositive();
            assertThat(stats.counters()).containsKeys("keyspace_hits", "keyspace_misses", "rejected_connections");
            assertThat(stats.details()).containsKeys("memFragmentationRatio", "slowlogLength", "role");
        }
    }
}
