package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.CIRCUIT_STATE;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;
import static io.vigil.testing.AlertFixtures.downRule;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.db.jooq.tables.records.HealthCheckRecord;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.HealthCheckResult;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.SwitchableHttpTarget;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log of health checks at the levels Vigil ships: one line per change of a connection, its circuit
 * and its alert, each once when it happens and never again while nothing changes, and none of the
 * frameworks' lines about every run and step.
 */
@VigilSpringTest
@TestPropertySource(properties = "vigil.alerts.keep-firing-for=0s")
class StateChangeLogTest {

    private static final Instant S0 = TestBeans.START;
    private static final String WARN = "WARN";
    private static final String INFO = "INFO";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired SettableClock clock;
    @Autowired DSLContext dsl;

    private final SwitchableHttpTarget web = new SwitchableHttpTarget();
    private final TestHttpServer slow = new TestHttpServer();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void fleetAndLog() {
        web.start();
        fleetSync.sync(List.of(
                new ConnectionDeclaration("web", "http", web.url(), null, null, Duration.ofSeconds(2),
                        Duration.ofSeconds(1), List.of(), true),
                // Always slower than its SLO: DEGRADED from its first check on.
                new ConnectionDeclaration("slow", "http", slow.url("/slow?ms=120"), null, null, Duration.ofSeconds(2),
                        Duration.ofMillis(50), List.of(), true)));
        ruleSync.sync(new AlertsProperties(List.of(downRule("web-down", 1, Duration.ZERO, "critical", List.of("web"),
                List.of(), "dba@example.com")), List.of(), null));
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
        web.close();
        slow.close();
    }

    @Test
    void eachChangeIsOneLineWhenItHappensAndTheFrameworksAreQuiet() {
        runSlot(0);
        HealthCheckRecord degraded = check("slow", 0);
        assertThat(changeLines()).as("a healthy new connection is no news; a degraded one is").containsExactly(
                WARN + " connection slow is DEGRADED: " + JSON.readTree(degraded.getDetails().data())
                        .get(HealthCheckResult.DEGRADED_BECAUSE).asString() + " (see: vigil fleet show slow)");
        assertThat(changeLines().getFirst()).contains("above the SLO of 50 ms");
        log.list.clear();

        web.stop();
        runSlot(1);
        String error = check("web", 1).getErrorMessage();
        assertThat(error).contains("connection refused");
        String description = dsl.select(ALERT.DESCRIPTION).from(ALERT).where(ALERT.SUBJECT.eq("web")).fetchSingle().value1();
        assertThat(changeLines()).containsExactly(
                WARN + " connection web is DOWN: " + error + " (see: vigil fleet show web)",
                WARN + " alert web-down FIRING for web (CRITICAL): " + description + " (see: vigil alerts list)");
        log.list.clear();

        runSlot(2);
        assertThat(changeLines()).as("still DOWN, still firing, still DEGRADED: no news").isEmpty();

        runSlot(3);
        Instant nextProbe = dsl.select(CIRCUIT_STATE.NEXT_ATTEMPT_AT).from(CIRCUIT_STATE).join(MONITORED_CONNECTION)
                .on(MONITORED_CONNECTION.ID.eq(CIRCUIT_STATE.CONNECTION_ID)).where(MONITORED_CONNECTION.NAME.eq("web"))
                .fetchSingle().value1();
        assertThat(changeLines()).containsExactly(WARN + " circuit of web opened after 3 failed checks in a row; "
                + "next full probe at " + nextProbe.truncatedTo(ChronoUnit.SECONDS) + " (see: vigil fleet show web)");
        log.list.clear();

        web.start();
        runSlot(4);
        assertThat(changeLines()).containsExactly(
                INFO + " connection web is UP again (was DOWN) (see: vigil fleet show web)",
                INFO + " circuit of web closed: it answered after 3 failed checks in a row (see: vigil fleet show web)",
                INFO + " alert web-down RESOLVED for web (CRITICAL) (see: vigil alerts list)");
        log.list.clear();

        runSlot(5);
        assertThat(changeLines()).as("UP again and again: no news").isEmpty();

        assertThat(messages()).as("Spring Batch, jOOQ and Vigil's own per-run lines stay out of the log")
                .noneMatch(m -> m.contains("Executing step"))
                .noneMatch(m -> m.contains("launched with the following parameters"))
                .noneMatch(m -> m.contains("completed with the following parameters"))
                .noneMatch(m -> m.matches("Step: \\[.*] executed in .*"))
                .noneMatch(m -> m.contains("Thank you for using jOOQ"))
                .noneMatch(m -> m.contains("tip of the day"))
                .noneMatch(m -> m.contains("Alert evaluation for slot"));
    }

    /** The lines that say what changed, with their level. */
    private List<String> changeLines() {
        return log.list.stream()
                .filter(e -> e.getLoggerName().startsWith("io.vigil.") && e.getLevel().isGreaterOrEqual(Level.INFO))
                .filter(e -> e.getFormattedMessage().matches("(connection|circuit of|alert) .*"))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                .toList();
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private HealthCheckRecord check(String connection, int slot) {
        return dsl.select(HEALTH_CHECK.fields()).from(HEALTH_CHECK).join(MONITORED_CONNECTION)
                .on(MONITORED_CONNECTION.ID.eq(HEALTH_CHECK.CONNECTION_ID))
                .where(MONITORED_CONNECTION.NAME.eq(connection)).and(HEALTH_CHECK.SLOT.eq(slot(slot)))
                .fetchSingle().into(HEALTH_CHECK);
    }

    private static Instant slot(int n) {
        return S0.plus(Duration.ofMinutes(5L * n));
    }

    private void runSlot(int n) {
        clock.set(slot(n).plusSeconds(30));
        Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot(n)), "test"));
    }
}
