package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.alert.rule.RuleDeclaration;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeRegistry;
import io.vigil.runs.Slot;
import io.vigil.schedule.ScheduleReconciler;
import io.vigil.schedule.SchedulesProperties;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The commands that only read answer from one direct connection, without Spring, and print exactly what
 * the Spring context would have them print; a database that lacks this build's migrations is migrated
 * the daemon's way first.
 */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyCommandsTest {

    @Autowired ApplicationContext spring;
    @Autowired Environment environment;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired SlotLauncher launcher;
    @Autowired ScheduleReconciler schedules;
    @Autowired NodeRegistry nodes;
    @Autowired NodeIdentity thisNode;
    @Autowired SettableClock clock;

    private final TestHttpServer http = new TestHttpServer();
    private long run;

    @BeforeAll
    void somethingToReadOfEveryKind() throws Exception {
        fleetSync.sync(List.of(
                new ConnectionDeclaration("orders-db", "http", http.url("/error"), null, null, Duration.ofSeconds(2),
                        Duration.ofSeconds(1), List.of("shop"), true),
                new ConnectionDeclaration("search", "http", http.url("/ok"), null, null, Duration.ofSeconds(2),
                        Duration.ofSeconds(1), List.of("shop"), true)));
        ruleSync.sync(new AlertsProperties(List.of(new RuleDeclaration("down-now", "DOWN", 1.0, null, Duration.ZERO,
                "critical", null, List.of("shop"), null, List.of("dba@example.com"), null, null)), List.of(), null));
        clock.set(TestBeans.START);
        run = Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(TestBeans.START), "test")).getId();
        schedules.reconcile(Map.of(HealthCheckJobConfiguration.JOB,
                new SchedulesProperties.Schedule("0 */5 * * * ?", ZoneId.of("Europe/Berlin"), null, true, null, null)));
        nodes.checkIn(thisNode, clock.instant());
    }

    @AfterAll
    void stopServer() {
        http.close();
    }

    @Test
    void everyReadOnlyCommandPrintsWhatTheSpringContextPrintsWithoutStartingIt() {
        List<List<String>> lines = List.of(List.of("jobs", "list"), List.of("jobs", "show", String.valueOf(run)),
                List.of("fleet", "list"), List.of("fleet", "show", "orders-db"), List.of("events", "summary"),
                List.of("alerts", "list"), List.of("alerts", "list", "--all"),
                List.of("mail", "list"), List.of("schedule", "list"), List.of("nodes"));
        for (List<String> line : lines) {
            for (List<String> command : List.of(line, plus(line, "--json"))) {
                Cli.Result expected = Cli.on(spring).run(command.toArray(String[]::new));
                Cli.Result direct;
                try (ReadOnlyContext context = new ReadOnlyContext(databaseArguments(), Cli.noSpring(), clock)) {
                    direct = Cli.over(context).run(Stream.concat(command.stream(), databaseArguments().stream())
                            .toArray(String[]::new));
                }
                assertThat(expected.exitCode()).as(expected.toString()).isZero();
                assertThat(direct).as(String.join(" ", command)).isEqualTo(expected);
            }
        }
        // Not trivially equal: the scenario is there to be read.
        assertThat(Cli.on(spring).run("alerts", "list").out()).contains("FIRING").contains("orders-db");
        assertThat(Cli.on(spring).run("mail", "list").out()).contains("dba@example.com");
        assertThat(Cli.on(spring).run("schedule", "list").out()).contains("healthCheckJob");
    }

    @Test
    void aDatabaseWithoutTheSchemaIsMigratedTheDaemonsWayAndThenRead() {
        TestDatabase fresh = PostgresServer.unmigratedDatabase("vigil_readonly_fresh");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = VigilCli.execute(new String[] {"jobs", "list", "--spring.datasource.url=" + fresh.url(),
                "--spring.datasource.username=" + fresh.user(), "--spring.datasource.password="},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("no runs\n");
        try (ReadOnlyContext context = new ReadOnlyContext(List.of("--spring.datasource.url=" + fresh.url(),
                "--spring.datasource.username=" + fresh.user()), Cli.noSpring(), clock)) {
            assertThat(Cli.over(context).run("jobs", "list").out()).as("now migrated, read directly").isEqualTo("no runs\n");
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsNamedWithoutItsQueryString() {
        try (ReadOnlyContext context = new ReadOnlyContext(List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/vigil?password=canary-secret",
                "--spring.datasource.username=vigil"), Cli.noSpring(), clock)) {
            Cli.Result result = Cli.over(context).run("jobs", "list");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("vigil: could not connect to jdbc:postgresql://127.0.0.1:1/vigil: ")
                    .contains("check spring.datasource.url / VIGIL_DB_URL").doesNotContain("canary-secret");
        }
    }

    private List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"));
    }

    private static List<String> plus(List<String> line, String argument) {
        List<String> longer = new ArrayList<>(line);
        longer.add(argument);
        return longer;
    }
}
