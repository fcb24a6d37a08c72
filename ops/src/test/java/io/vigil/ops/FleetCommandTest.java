package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** vigil fleet list and test, against real targets. */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetCommandTest {

    @Autowired ApplicationContext spring;
    @Autowired FleetSync fleetSync;
    @Autowired SlotLauncher launcher;

    private final TestHttpServer http = new TestHttpServer();
    private final int closedPort = TestHttpServer.closedPort();
    private Cli cli;

    @BeforeAll
    void declareAndCheckTheFleet() {
        cli = Cli.on(spring);
        fleetSync.sync(List.of(
                declaration("http-ok", "http", http.url("/ok"), List.of("test", "web")),
                declaration("closed-port", "postgresql", "127.0.0.1:" + closedPort + "/x", List.of()),
                declaration("never-checked", "redis", "127.0.0.1:" + closedPort, List.of("later"))));
        launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(Instant.parse("2026-11-23T10:00:00Z")), "test");
        fleetSync.sync(List.of(
                declaration("http-ok", "http", http.url("/ok"), List.of("test", "web")),
                declaration("closed-port", "postgresql", "127.0.0.1:" + closedPort + "/x", List.of()),
                declaration("never-checked", "redis", "127.0.0.1:" + closedPort, List.of("later")),
                declaration("added-later", "http", http.url("/ok"), List.of()),
                declaration("local-pg", "postgresql", "127.0.0.1:5432/postgres", List.of()),
                declaration("local-redis", "redis", "127.0.0.1:6379", List.of())));
    }

    @AfterAll
    void stopServer() {
        http.close();
    }

    @Test
    void listShowsEveryConnectionWithItsLastCheck() {
        Cli.Result result = cli.run("fleet", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("(?m)^NAME +PROVIDER +ADDRESS +TAGS +ENABLED +STATUS +CHECKED +LATENCY MS +CIRCUIT +ERROR$")
                .containsPattern("(?m)^http-ok +HTTP +http://127\\.0\\.0\\.1:\\d+/ok +test,web +yes +UP +"
                        + "2026-11-23T10:00:\\d\\dZ +\\d+ +closed +-$")
                .containsPattern("(?m)^closed-port +POSTGRESQL +127\\.0\\.0\\.1:" + closedPort + "/x +- +yes +DOWN +"
                        + "2026-11-23T10:00:\\d\\dZ +\\d+ +closed +\\S.*$")
                .containsPattern("(?m)^added-later +HTTP +\\S+ +- +yes +- +- +- +closed +-$");
    }

    @Test
    void listAsJsonHasTheLastCheckWithIsoTimes() {
        Cli.Result result = cli.run("fleet", "list", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode fleet = JsonMapper.builder().build().readTree(result.out());
        JsonNode ok = fleet.valueStream().filter(c -> c.get("name").asString().equals("http-ok")).findFirst().orElseThrow();
        assertThat(ok.get("provider").asString()).isEqualTo("HTTP");
        assertThat(ok.get("enabled").asBoolean()).isTrue();
        assertThat(ok.get("lastStatus").asString()).isEqualTo("UP");
        assertThat(ok.get("lastCheckedAt").asString()).matches("2026-11-23T10:00:\\d\\d(\\.\\d+)?Z");
        assertThat(ok.get("lastLatencyMs").isNumber()).isTrue();
        assertThat(ok.get("tags").valueStream().map(JsonNode::asString)).containsExactly("test", "web");
        JsonNode later = fleet.valueStream().filter(c -> c.get("name").asString().equals("added-later")).findFirst()
                .orElseThrow();
        assertThat(later.get("lastStatus").isNull()).isTrue();
    }

    @Test
    void testOfAnUpConnectionExitsZero() {
        Cli.Result result = cli.run("fleet", "test", "http-ok");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches("(?s)http-ok: UP in [\\d.]+ ms\n.*");
    }

    @Test
    void testOfAPostgresqlTargetPrintsItsStatsInHumanUnits() {
        Cli.Result result = cli.run("fleet", "test", "local-pg");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("(?m)^  server version +\\d+\\.\\d+")
                .containsPattern("(?m)^  server started +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")
                .containsPattern("(?m)^  connections +\\d+ of \\d+$")
                .containsPattern("(?m)^  database size +\\d+\\.\\d (KB|MB|GB)$")
                // One probe has no previous snapshot to take an interval from.
                .containsPattern("(?m)^  cache hit ratio +\\d+\\.\\d% \\(since start\\)$")
                .doesNotContain("bytes");
    }

    @Test
    void testOfARedisTargetLabelsItsHitRateSinceStart() {
        Cli.Result result = cli.run("fleet", "test", "local-redis");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("(?m)^  keyspace hit rate +\\d+\\.\\d% \\(since start\\)$")
                .containsPattern("(?m)^  memory fragmentation +\\d+(\\.\\d+)?$")
                .containsPattern("(?m)^  slow log length +\\d+$")
                .doesNotContain("counter rates");
    }

    @Test
    void testOfADownConnectionExitsOneWithTheError() {
        Cli.Result result = cli.run("fleet", "test", "closed-port");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).startsWith("closed-port: DOWN").containsPattern("\n  error +\\S+");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void testAsJsonHasTheResult() {
        Cli.Result result = cli.run("fleet", "test", "closed-port", "--json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode probe = JsonMapper.builder().build().readTree(result.out());
        assertThat(probe.get("connectionName").asString()).isEqualTo("closed-port");
        assertThat(probe.get("status").asString()).isEqualTo("DOWN");
        assertThat(probe.get("errorMessage").asString()).isNotBlank();
        assertThat(probe.get("checkedAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void testOfAnUnknownConnectionFailsWithWhereToLook() {
        Cli.Result result = cli.run("fleet", "test", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("vigil: no connection named 'nope': see vigil fleet list\n");
    }

    private static ConnectionDeclaration declaration(String name, String provider, String address, List<String> tags) {
        return new ConnectionDeclaration(name, provider, address, "postgres", null, Duration.ofSeconds(2),
                Duration.ofSeconds(1), tags, true);
    }
}
