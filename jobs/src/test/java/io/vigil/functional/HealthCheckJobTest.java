package io.vigil.functional;

import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.runs.SyncReport;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.TestSecrets;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The health-check job end to end, against real targets of every provider. */
@VigilSpringTest
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthCheckJobTest {

    private static final String WRONG_PASSWORD = "s3cret-Wr0ng-Passw0rd";
    private static final Instant SLOT = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired DSLContext dsl;
    @Autowired TestDatabase database;
    @Autowired TestSecrets secrets;

    private final TestHttpServer http = new TestHttpServer();
    private SyncReport report;

    @BeforeAll
    void declareFleet() {
        secrets.put("REDIS_WRONG_PASSWORD", WRONG_PASSWORD);
        Duration timeout = Duration.ofMillis(800);
        Duration slo = Duration.ofMillis(500);
        // A cold JVM's first database probes take a few hundred milliseconds, more on a loaded machine:
        // the servers that must answer UP get room enough not to be reported slow or down.
        Duration answeringTimeout = Duration.ofSeconds(5);
        Duration answeringSlo = Duration.ofSeconds(3);
        report = fleetSync.sync(List.of(
                declaration("vigil-itself", "postgresql", "127.0.0.1:" + database.port() + "/" + database.name(), "postgres", null, answeringTimeout, answeringSlo),
                declaration("mariadb", "mysql", "127.0.0.1:3306/test", "root", null, answeringTimeout, answeringSlo),
                declaration("redis", "redis", "127.0.0.1:6379", null, null, answeringTimeout, answeringSlo),
                declaration("redis-wrong-password", "redis", "127.0.0.1:6379", null, "REDIS_WRONG_PASSWORD", timeout, slo),
                declaration("redis-missing-env", "redis", "127.0.0.1:6379", null, "VIGIL_TEST_UNSET_VARIABLE", timeout, slo),
                declaration("http-ok", "http", http.url("/ok"), null, null, timeout, slo),
                declaration("http-500", "http", http.url("/error"), null, null, timeout, slo),
                declaration("http-hanging", "http", http.url("/hang"), null, null, timeout, slo),
                declaration("closed-port", "postgresql", "127.0.0.1:" + TestHttpServer.closedPort() + "/x", "postgres", null, timeout, slo),
                declaration("bad-provider", "oracle", "127.0.0.1:1521/x", null, null, timeout, slo),
                declaration("bad-address", "postgresql", "not-an-address", null, null, timeout, slo)));
    }

    @AfterAll
    void stopServer() {
        http.close();
    }

    @Test
    void badDeclarationsAreReportedByNameAndTheRestAreSynced() {
        assertThat(report.invalid()).containsOnlyKeys("bad-provider", "bad-address");
        assertThat(report.invalid().get("bad-provider")).contains("unknown provider 'oracle'").contains("postgresql");
        assertThat(report.invalid().get("bad-address")).contains("not-an-address");
        assertThat(dsl.fetchCount(MONITORED_CONNECTION)).isEqualTo(9);
    }

    @Test
    void everyConnectionGetsOneCheckWithTheRightStatus(CapturedOutput output) {
        var outcome = launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(SLOT), "test");

        assertThat(outcome).isInstanceOf(SlotLauncher.Started.class);
        assertThat(((SlotLauncher.Started) outcome).execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> statuses = statusesBySlot(SLOT);
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                "vigil-itself", "UP",
                "mariadb", "UP",
                "redis", "UP",
                "redis-wrong-password", "DOWN",
                "redis-missing-env", "DOWN",
                "http-ok", "UP",
                "http-500", "DOWN",
                "http-hanging", "DOWN",
                "closed-port", "DOWN"));
        assertThat(errorOf("redis-missing-env")).contains("VIGIL_TEST_UNSET_VARIABLE").contains("is not set");
        assertThat(errorOf("http-hanging")).isNotBlank();
        assertThat(dsl.fetchCount(DB_STATS_SNAPSHOT)).isGreaterThanOrEqualTo(3);

        // The secret went to the target and nowhere else: no row, no log line.
        assertThat(dsl.fetch("select t::text from vigil.health_check t").toString()).doesNotContain(WRONG_PASSWORD);
        assertThat(dsl.fetch("select t::text from vigil.db_stats_snapshot t").toString()).doesNotContain(WRONG_PASSWORD);
        assertThat(dsl.fetch("select t::text from vigil.monitored_connection t").toString()).doesNotContain(WRONG_PASSWORD);
        assertThat(output.getAll()).doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void aSecondLaunchForTheSameSlotIsSkipped() {
        Instant slot = SLOT.plus(Duration.ofMinutes(5));
        var first = launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "test");
        var second = launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "test");

        assertThat(first).isInstanceOf(SlotLauncher.Started.class);
        assertThat(second).isInstanceOf(SlotLauncher.Skipped.class);
        assertThat(((SlotLauncher.Skipped) second).existingRunId())
                .isEqualTo(((SlotLauncher.Started) first).execution().getId());
        assertThat(dsl.fetchCount(HEALTH_CHECK, HEALTH_CHECK.SLOT.eq(slot))).isEqualTo(9);
    }

    private Map<String, String> statusesBySlot(Instant slot) {
        return dsl.select(MONITORED_CONNECTION.NAME, HEALTH_CHECK.STATUS)
                .from(HEALTH_CHECK).join(MONITORED_CONNECTION).on(MONITORED_CONNECTION.ID.eq(HEALTH_CHECK.CONNECTION_ID))
                .where(HEALTH_CHECK.SLOT.eq(slot))
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }

    private String errorOf(String name) {
        return dsl.select(HEALTH_CHECK.ERROR_MESSAGE)
                .from(HEALTH_CHECK).join(MONITORED_CONNECTION).on(MONITORED_CONNECTION.ID.eq(HEALTH_CHECK.CONNECTION_ID))
                .where(MONITORED_CONNECTION.NAME.eq(name)).and(HEALTH_CHECK.SLOT.eq(SLOT))
                .fetchOne(HEALTH_CHECK.ERROR_MESSAGE);
    }

    private static ConnectionDeclaration declaration(String name, String provider, String address, String username,
                                                     String passwordEnv, Duration timeout, Duration slo) {
        return new ConnectionDeclaration(name, provider, address, username, passwordEnv, timeout, slo, List.of("test"), true);
    }
}
