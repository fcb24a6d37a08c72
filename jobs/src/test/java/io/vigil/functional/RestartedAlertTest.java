package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.ALERT_RULE;
import static io.vigil.testing.AlertFixtures.dbRule;
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
import io.vigil.testing.TestDatabase;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A RESTARTED rule judges the server's start time in the latest snapshot, so a crash and restart between
 * two probes, which leaves no DOWN check behind, is an alert; it resolves once the server stayed up longer
 * than the window. The target is the test's own embedded PostgreSQL, whose start time is real.
 */
@VigilSpringTest
class RestartedAlertTest {

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired SettableClock clock;
    @Autowired TestDatabase database;
    @Autowired DSLContext dsl;

    @Test
    void aServerThatStartedWithinTheWindowFiresRestartedAndOneUpLongerDoesNot() {
        fleetSync.sync(List.of(vigilDatabase("vigil-itself", database, Duration.ofSeconds(3), "db")));
        ruleSync.sync(new AlertsProperties(List.of(dbRule("restarted", "RESTARTED", null, null)), List.of(), null));
        Instant started = dsl.select(DSL.field("pg_postmaster_start_time()", OffsetDateTime.class))
                .fetchOne(0, OffsetDateTime.class).toInstant();

        // A slot five minutes after the test server started: a restart within the default 10 minutes.
        Instant soon = Slot.of(started.plus(Duration.ofMinutes(5))).start();
        clock.set(soon);
        Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(soon), "test"));
        assertThat(dsl.select(ALERT.STATE, ALERT.DESCRIPTION).from(ALERT).join(ALERT_RULE).on(ALERT_RULE.ID.eq(ALERT.RULE_ID))
                        .where(ALERT_RULE.NAME.eq("restarted")).fetchOne())
                .satisfies(alert -> {
                    assertThat(alert.value1()).isEqualTo("FIRING");
                    assertThat(alert.value2()).startsWith("restarted at ").endsWith(", within the last 10m");
                });

        // An hour on, the same server has stayed up longer than the window: resolved.
        Instant later = soon.plus(Duration.ofHours(1));
        clock.set(later);
        Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(later), "test"));
        assertThat(dsl.select(ALERT.STATE).from(ALERT).join(ALERT_RULE).on(ALERT_RULE.ID.eq(ALERT.RULE_ID))
                .where(ALERT_RULE.NAME.eq("restarted")).fetchOne(ALERT.STATE)).isEqualTo("RESOLVED");
    }
}
