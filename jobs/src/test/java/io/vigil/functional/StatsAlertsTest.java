package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.ALERT_RULE;
import static io.vigil.testing.AlertFixtures.dbRule;
import static io.vigil.testing.AlertFixtures.mailTo;
import static io.vigil.testing.AlertFixtures.vigilDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rules on a real PostgreSQL target's stats and latency, read back from db_stats_snapshot and health_check. */
@VigilSpringTest
class StatsAlertsTest {

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired SettableClock clock;
    @Autowired TestDatabase database;
    @Autowired DSLContext dsl;

    @Test
    void connectionsLatencyAndAvailabilityRulesDecideOnWhatTheProbeMeasured() {
        // An SLO of 1 ms no real probe meets; any connection in use is above a ratio of 0.0001.
        fleetSync.sync(List.of(vigilDatabase("vigil-itself", database, Duration.ofMillis(1), "db")));
        ruleSync.sync(new AlertsProperties(List.of(
                dbRule("busy", "CONNECTIONS", 0.0001, null),
                dbRule("memory", "MEMORY", 0.0001, null),
                dbRule("slow", "LATENCY", null, null),
                dbRule("unavailable", "AVAILABILITY", 100.0, null)), List.of(), null));
        clock.set(TestBeans.START);

        Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(TestBeans.START), "test"));

        Map<String, String> alerts = dsl.select(ALERT_RULE.NAME, ALERT.DESCRIPTION).from(ALERT).join(ALERT_RULE)
                .on(ALERT_RULE.ID.eq(ALERT.RULE_ID)).where(ALERT.STATE.eq("FIRING")).fetch().stream()
                .collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
        assertThat(alerts).containsOnlyKeys("busy", "slow");
        assertThat(alerts.get("busy")).matches("connections \\d+ of \\d+ in use \\(\\d+\\.\\d%\\), above 0\\.0%");
        assertThat(alerts.get("slow")).matches("p95 latency \\d+ ms over 1h is above the SLO of 1 ms");
        assertThat(mailTo(dsl, "dba@example.com")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("[FIRING:2] WARNING vigil-itself busy (+1 more)"));
    }
}
