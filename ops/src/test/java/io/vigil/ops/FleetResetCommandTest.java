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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * vigil fleet list for a connection whose circuit is open and skipped (quick probes off), and vigil fleet
 * reset, which closes the circuit so the next check probes it.
 */
@VigilSpringTest
@TestPropertySource(properties = {"vigil.health.circuit.quick-probe-timeout=0s", "vigil.health.circuit.base-delay=1h"})
class FleetResetCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired ApplicationContext spring;
    @Autowired FleetSync fleetSync;
    @Autowired SlotLauncher launcher;

    private final int closedPort = TestHttpServer.closedPort();
    private Cli cli;
    private static int slot;

    @BeforeEach
    void openTheCircuit() {
        cli = Cli.on(spring);
        fleetSync.sync(List.of(new ConnectionDeclaration("dead", "http", "http://127.0.0.1:" + closedPort + "/", null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(1), List.of(), true)));
        for (int i = 0; i < 4; i++) {
            runSlot();
        }
    }

    @Test
    void aSkippedConnectionShowsItsLastRealCheckAndWhenItIsNextProbed() {
        Cli.Result result = cli.run("fleet", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("(?m)^dead +HTTP +\\S+ +- +yes +SKIPPED +\\S+ +- +"
                + "open, full probe at 2026-11-23T1\\d:\\d\\d:\\d\\dZ +skipped, circuit open; last real check DOWN at "
                + "2026-11-23T10:\\d\\d:\\d\\dZ: \\S.*$");

        JsonNode dead = JsonMapper.builder().build().readTree(cli.run("fleet", "list", "--json").out()).get(0);
        assertThat(dead.get("lastStatus").asString()).isEqualTo("SKIPPED");
        assertThat(dead.get("lastRealStatus").asString()).isEqualTo("DOWN");
        assertThat(dead.get("circuit").asString()).isEqualTo("OPEN");
        assertThat(dead.get("nextFullProbeAt").asString()).startsWith("2026-11-23T1");
    }

    @Test
    void resetClosesTheCircuitAndTheNextCheckProbesTheTarget() {
        Cli.Result reset = cli.run("fleet", "reset", "dead");

        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.out()).matches("closed the circuit of dead \\(open since 2026-11-23T10:\\d\\d:\\d\\dZ after 3 "
                + "failures in a row\\): the next health check probes it in full\n");
        assertThat(cli.run("fleet", "reset", "dead").out()).isEqualTo("the circuit of dead was not open: nothing to reset\n");

        runSlot();
        assertThat(cli.run("fleet", "list").out()).containsPattern("(?m)^dead +HTTP +\\S+ +- +yes +DOWN +.* closed +\\S.*$");
    }

    @Test
    void resetOfAnUnknownConnectionSaysWhereToLook() {
        Cli.Result result = cli.run("fleet", "reset", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("vigil: no connection named 'nope': see vigil fleet list\n");
    }

    private void runSlot() {
        launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(T0.plus(Duration.ofMinutes(5L * slot++))), "test");
    }
}
