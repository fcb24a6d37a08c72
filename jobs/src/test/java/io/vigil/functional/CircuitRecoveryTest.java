package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.ALERT_RULE;
import static io.vigil.db.jooq.Tables.CIRCUIT_STATE;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.alert.rule.RuleDeclaration;
import io.vigil.db.jooq.tables.records.HealthCheckRecord;
import io.vigil.health.CircuitReset;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetQueries;
import io.vigil.health.fleet.FleetStatus;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.SwitchableHttpTarget;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A target that went down long enough to open its circuit is seen back in the first slot after it
 * returns: while the circuit is open every slot makes a quick probe (bounded by
 * {@code quick-probe-timeout}), and only a target that does not answer at all within that bound is
 * SKIPPED until its next full probe.
 */
@VigilSpringTest
@TestPropertySource(properties = "vigil.health.circuit.quick-probe-timeout=300ms")
class CircuitRecoveryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired FleetQueries fleetQueries;
    @Autowired CircuitReset circuitReset;
    @Autowired AlertRuleSync ruleSync;
    @Autowired SettableClock clock;
    @Autowired DSLContext dsl;

    private final SwitchableHttpTarget web = new SwitchableHttpTarget();
    private final TestHttpServer hanging = new TestHttpServer();
    // One database for the class: each test's slots follow the previous test's, never run twice.
    private static int slot;

    @BeforeEach
    void fleet() {
        dsl.deleteFrom(MONITORED_CONNECTION).execute();
        fleetSync.sync(List.of(
                new ConnectionDeclaration("web", "http", web.url(), null, null, Duration.ofSeconds(5), Duration.ofSeconds(3),
                        List.of(), true),
                new ConnectionDeclaration("hung", "http", hanging.url("/hang"), null, null, Duration.ofSeconds(1),
                        Duration.ofSeconds(1), List.of(), true)));
    }

    @AfterEach
    void stopTargets() {
        web.close();
        hanging.close();
    }

    @Test
    void aTargetBackAfterItsCircuitOpenedIsSeenUpAndItsAlertResolvedInTheNextSlot() {
        // The default settings: no keep-firing-for given.
        ruleSync.sync(new AlertsProperties(List.of(new RuleDeclaration("web-down", "DOWN", 1.0, null, Duration.ZERO,
                "critical", List.of("web"), null, null, List.of("dba@example.com"), null, null)), List.of(), null));
        runSlots(3);
        assertThat(circuitState("web")).as("three failures open the circuit").isEqualTo("OPEN");

        HealthCheckRecord stillDown = runSlot().get("web");
        assertThat(stillDown.getStatus()).as("a quick probe of a refused port is a real DOWN").isEqualTo("DOWN");
        assertThat(stillDown.getErrorMessage()).isNotBlank();
        assertThat(circuitState("web")).isEqualTo("OPEN");
        assertThat(alertStates("web-down")).containsExactly("FIRING");

        web.start();
        assertThat(runSlot().get("web").getStatus()).as("back, and seen back at once").isEqualTo("UP");
        assertThat(circuitState("web")).isEqualTo("CLOSED");
        assertThat(alertStates("web-down")).as("and resolved in that same slot").containsExactly("RESOLVED");
    }

    @Test
    void aTargetThatDoesNotAnswerTheQuickProbeIsSkippedUntilItsFullProbe() {
        runSlots(3);
        HealthCheckRecord skipped = runSlot().get("hung");

        assertThat(skipped.getStatus()).isEqualTo("SKIPPED");
        assertThat(skipped.getErrorMessage()).as("bounded by the quick probe, not the target's 1 s")
                .contains("no answer within the quick probe's 300 ms").contains("a full probe at");

        FleetStatus listed = fleetQueries.statuses().stream().filter(c -> c.name().equals("hung")).findFirst().orElseThrow();
        assertThat(listed.lastStatus()).isEqualTo("SKIPPED");
        assertThat(listed.lastRealStatus()).as("the last check that reached the target").isEqualTo("DOWN");
        assertThat(listed.lastRealError()).isNotBlank();
        assertThat(listed.circuit()).isEqualTo("OPEN");
        assertThat(listed.nextFullProbeAt()).isAfter(clock.instant());
    }

    @Test
    void aResetCircuitIsProbedInFullByTheNextCheck() {
        runSlots(3);
        assertThat(circuitReset.reset("hung")).hasValueSatisfying(before -> assertThat(before.consecutiveFailures()).isEqualTo(3));
        assertThat(circuitState("hung")).isEqualTo("CLOSED");

        HealthCheckRecord full = runSlot().get("hung");
        assertThat(full.getStatus()).as("a full probe, with the target's own timeout: no quick skip").isEqualTo("DOWN");
        assertThat(full.getErrorMessage()).doesNotContain("quick probe");
        assertThat(circuitState("hung")).as("one failure since the reset: below the threshold").isEqualTo("CLOSED");
    }

    private void runSlots(int count) {
        for (int i = 0; i < count; i++) {
            runSlot();
        }
    }

    /** Runs the next five-minute slot, 30 s into it, and returns its checks by connection name. */
    private Map<String, HealthCheckRecord> runSlot() {
        Instant at = T0.plus(Duration.ofMinutes(5L * slot++));
        clock.set(at.plusSeconds(30));
        var outcome = launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(at), "test");
        assertThat(Launches.started(outcome).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return dsl.select(MONITORED_CONNECTION.NAME).select(HEALTH_CHECK.fields())
                .from(HEALTH_CHECK).join(MONITORED_CONNECTION).on(MONITORED_CONNECTION.ID.eq(HEALTH_CHECK.CONNECTION_ID))
                .where(HEALTH_CHECK.SLOT.eq(at))
                .fetchMap(r -> r.get(MONITORED_CONNECTION.NAME), r -> r.into(HEALTH_CHECK));
    }

    private List<String> alertStates(String rule) {
        return dsl.select(ALERT.STATE).from(ALERT)
                .where(ALERT.RULE_ID.in(dsl.select(ALERT_RULE.ID).from(ALERT_RULE)
                        .where(ALERT_RULE.NAME.eq(rule))))
                .fetch(ALERT.STATE);
    }

    private String circuitState(String name) {
        return dsl.select(CIRCUIT_STATE.STATE).from(CIRCUIT_STATE)
                .join(MONITORED_CONNECTION).on(MONITORED_CONNECTION.ID.eq(CIRCUIT_STATE.CONNECTION_ID))
                .where(MONITORED_CONNECTION.NAME.eq(name))
                .fetchOptional(CIRCUIT_STATE.STATE).orElse("CLOSED");
    }
}
