package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.testing.AlertFixtures.downRule;
import static io.vigil.testing.AlertFixtures.http;
import static io.vigil.testing.AlertFixtures.mailTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.alert.silence.Silence;
import io.vigil.alert.silence.SilenceRepository;
import io.vigil.alert.silence.Silences;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Silenced alerts change state like the others but mail nobody, until the silence ends. */
@VigilSpringTest
@TestPropertySource(properties = "vigil.health.circuit.failure-threshold=1000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SilencedAlertsTest {

    private static final Instant S0 = TestBeans.START;

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired Silences silences;
    @Autowired SilenceRepository silenceRepository;
    @Autowired SettableClock clock;
    @Autowired DSLContext dsl;

    private final TestHttpServer http = new TestHttpServer();

    @AfterAll
    void stopServer() {
        http.close();
    }

    @Test
    @Order(1)
    void silencedByConnectionOrByTagTheAlertsFireButOnlyTheOthersAreMailed() {
        fleetSync.sync(List.of(http("maintained", http.url("/error")), http("batch-1", http.url("/error"), "batch"),
                http("orders-db", http.url("/error"), "shop")));
        ruleSync.sync(new AlertsProperties(List.of(downRule("down", 1, Duration.ZERO, "critical", List.of(), List.of(),
                "dba@example.com")), List.of(), null));
        clock.set(S0);
        Silence byName = ((Silences.Addition.Added) silences.add("maintained", null, Duration.ofHours(2),
                "planned maintenance", "tester")).silence();
        silences.add(null, "batch", Duration.ofHours(2), "batch hosts are rebuilt", "tester");

        run(S0);

        assertThat(states()).isEqualTo(Map.of("maintained", "FIRING", "batch-1", "FIRING", "orders-db", "FIRING"));
        assertThat(mailTo(dsl, "dba@example.com")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("[FIRING:1] CRITICAL orders-db down"));

        assertThat(silences.expire(byName.id())).isInstanceOf(Silences.Expiry.Expired.class);
        run(S0.plus(Duration.ofMinutes(5)));

        var mail = mailTo(dsl, "dba@example.com");
        assertThat(mail).hasSize(2);
        assertThat(mail.getLast().getSubject()).as("announced once its silence ended")
                .isEqualTo("[FIRING:1] CRITICAL maintained down");
        assertThat(mail.getLast().getInReplyTo()).isNull();
    }

    @Test
    @Order(2)
    void aSilenceThatHasEndedNoLongerMutes() {
        Instant now = S0.plus(Duration.ofHours(3));
        clock.set(now);

        assertThat(silences.list(false)).isEmpty();
        assertThat(silences.list(true)).extracting(Silence::target).containsExactly("tag batch", "connection maintained");
        assertThat(silenceRepository.activeAt(dsl, now)).isEmpty();
    }

    private Map<String, String> states() {
        return dsl.select(ALERT.SUBJECT, ALERT.STATE).from(ALERT).fetch().stream()
                .collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }

    private void run(Instant slot) {
        clock.set(slot);
        Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "test"));
    }
}
