package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.alert.rule.RuleDeclaration;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** vigil alerts list, against alerts raised by a real health-check run. */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsCommandTest {

    @Autowired ApplicationContext spring;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired SlotLauncher launcher;
    @Autowired SettableClock clock;

    private final TestHttpServer http = new TestHttpServer();
    private Cli cli;

    @BeforeAll
    void raiseAlerts() {
        cli = Cli.on(spring);
        fleetSync.sync(List.of(declaration("orders-db", "/error", "shop"), declaration("billing-db", "/error", "finance"),
                declaration("search", "/ok", "shop")));
        ruleSync.sync(new AlertsProperties(List.of(
                rule("down-now", Duration.ZERO, "critical"), rule("down-for-an-hour", Duration.ofHours(1), "info")),
                List.of(), null));
        clock.set(TestBeans.START);
        assertThat(cli.run("alerts", "list").out()).isEqualTo("no active alerts\n");
        assertThat(cli.run("silence", "add", "--tag", "finance", "--for", "1h", "--comment", "audit", "--author", "a")
                .exitCode()).isZero();
        Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(TestBeans.START), "test"));
    }

    @AfterAll
    void stopServer() {
        http.close();
    }

    @Test
    void listShowsActiveAlertsMostUrgentFirstAndWhetherTheyAreSilenced() {
        Cli.Result result = cli.run("alerts", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String since = "2026-11-23T10:00:00Z";
        assertThat(result.out().lines().toList()).hasSize(5);
        assertThat(result.out())
                .containsPattern("(?m)^ID +STATE +SEVERITY +RULE +SUBJECT +SINCE +SILENCED +DESCRIPTION$")
                .containsPattern("(?m)^\\d+ +FIRING +CRITICAL +down-now +billing-db +" + since
                        + " +yes +DOWN for 1 consecutive check$")
                .containsPattern("(?m)^\\d+ +FIRING +CRITICAL +down-now +orders-db +" + since
                        + " +no +DOWN for 1 consecutive check$")
                .containsPattern("(?m)^\\d+ +PENDING +INFO +down-for-an-hour +orders-db +" + since + " +no ");
        assertThat(result.out().indexOf("FIRING")).isLessThan(result.out().indexOf("PENDING"));
    }

    @Test
    void listAllShowsWhenEachAlertResolved() {
        Cli.Result result = cli.run("alerts", "list", "--all");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("(?m)^ID +STATE +SEVERITY +RULE +SUBJECT +SINCE +RESOLVED +SILENCED +DESCRIPTION$")
                .containsPattern("(?m)^\\d+ +FIRING +CRITICAL +down-now +orders-db +2026-11-23T10:00:00Z +- +no ");
    }

    @Test
    void listAsJson() {
        Cli.Result result = cli.run("alerts", "list", "--all", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode first = JsonMapper.builder().build().readTree(result.out()).get(0);
        assertThat(first.get("state").asString()).isEqualTo("FIRING");
        assertThat(first.get("subject").asString()).isEqualTo("billing-db");
        assertThat(first.get("silenced").asBoolean()).isTrue();
        assertThat(first.get("since").asString()).isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Cli.Result unknown = cli.run("alerts", "list", "--fire");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--fire'");
        assertThat(cli.run("alerts").exitCode()).isEqualTo(2);
    }

    private ConnectionDeclaration declaration(String name, String path, String tag) {
        return new ConnectionDeclaration(name, "http", http.url(path), null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(1), List.of(tag), true);
    }

    private static RuleDeclaration rule(String name, Duration pendingFor, String severity) {
        return new RuleDeclaration(name, "DOWN", 1.0, null, pendingFor, severity, null, List.of("shop", "finance"), null,
                List.of("dba@example.com"), null, null);
    }
}
