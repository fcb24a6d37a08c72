package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static io.vigil.testing.AlertFixtures.downRule;
import static io.vigil.testing.AlertFixtures.http;
import static io.vigil.testing.AlertFixtures.mailTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.AlertEvaluation;
import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.TestSecrets;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * One story, in order: targets go down, alerts fire after their {@code for} duration and mail once per
 * recipient, a re-run queues nothing, one target comes back and its resolution answers the firing email,
 * and alerts still firing four hours on are mailed again.
 */
@VigilSpringTest
@TestPropertySource(properties = {"vigil.health.circuit.failure-threshold=1000", "vigil.alerts.keep-firing-for=10m"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertEmailsTest {

    private static final Instant S0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String PASSWORD = "s3cret-Wr0ng-Passw0rd";

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired AlertEvaluation evaluation;
    @Autowired SettableClock clock;
    @Autowired TestSecrets secrets;
    @Autowired DSLContext dsl;

    private final TestHttpServer http = new TestHttpServer();

    @BeforeAll
    void declare() {
        secrets.put("REDIS_WRONG_PASSWORD", PASSWORD);
        declareFleet("/error");
        var report = ruleSync.sync(new AlertsProperties(List.of(
                downRule("database-down", 2, Duration.ofMinutes(5), "critical", List.of("orders-db"), List.of(),
                        "dba@example.com", "oncall@example.com"),
                downRule("hostile-down", 1, Duration.ZERO, "warning", List.of(), List.of("hostile"), "security@example.com")),
                List.of(), null));
        assertThat(report.invalid()).isEmpty();
    }

    @AfterAll
    void stopServer() {
        http.close();
    }

    @Test
    @Order(1)
    void twoAlertsFiringInOneEvaluationAreOneEmailPerRecipient() {
        run(S0);

        List<EmailOutboxRecord> mail = mailTo(dsl, "security@example.com");
        assertThat(mail).hasSize(1);
        assertThat(mail.getFirst().getSubject()).isEqualTo("[FIRING:2] WARNING " + HOSTILE + " hostile-down (+1 more)");
        assertThat(mailTo(dsl, "dba@example.com")).as("DOWN once is not yet DOWN twice").isEmpty();
    }

    @Test
    @Order(2)
    void aTargetDownForTheForDurationFiresExactlyOneEmailPerRecipient() {
        run(S0.plus(minutes(5)));
        assertThat(mailTo(dsl, "dba@example.com")).as("pending for 0 of 5 minutes").isEmpty();

        run(S0.plus(minutes(10)));

        List<EmailOutboxRecord> mail = mailTo(dsl, "dba@example.com");
        assertThat(mail).hasSize(1);
        EmailOutboxRecord firing = mail.getFirst();
        assertThat(firing.getSubject()).isEqualTo("[FIRING:1] CRITICAL orders-db database-down");
        assertThat(firing.getRecipients()).containsExactly("dba@example.com");
        assertThat(firing.getHeaders().data()).isEqualTo("{\"X-Vigil-Severity\": \"CRITICAL\"}");
        assertThat(firing.getInReplyTo()).isNull();
        assertThat(firing.getTextBody()).startsWith("""
                FIRING · CRITICAL · orders-db · database-down
                orders-db: DOWN for 2 consecutive checks

                  Since: 2026-11-23 10:00 UTC
                  Last error: HTTP 500 from %s (2026-11-23 10:10 UTC)
                """.formatted(http.url("/error"))).contains("  Availability: 0.0% of 3 checks over the last 24 hours\n")
                .contains("  vigil fleet test orders-db\n");
        assertThat(firing.getHtmlBody()).contains(">FIRING · CRITICAL</span> <span>orders-db · database-down</span></h2>")
                .contains("vigil alerts list");
        assertThat(mailTo(dsl, "oncall@example.com")).singleElement()
                .satisfies(r -> assertThat(r.getSubject()).isEqualTo(firing.getSubject()));
        assertThat(mailTo(dsl, "security@example.com")).as("still firing, not yet due a repeat").hasSize(1);
    }

    @Test
    @Order(3)
    void evaluatingTheSameSlotAgainChangesNothingAndQueuesNothing() {
        int before = dsl.fetchCount(EMAIL_OUTBOX);

        AlertEvaluation.Report again = evaluation.evaluate(S0.plus(minutes(10)));
        AlertEvaluation.Report older = evaluation.evaluate(S0.plus(minutes(5)));

        assertThat(again.skipped()).isTrue();
        assertThat(older.skipped()).isTrue();
        assertThat(dsl.fetchCount(EMAIL_OUTBOX)).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aTargetThatComesBackResolvesAfterKeepFiringForInTheSameThread() {
        declareFleet("/ok");
        run(S0.plus(minutes(15)));
        run(S0.plus(minutes(20)));
        assertThat(mailTo(dsl, "dba@example.com")).as("up for 5 of the 10 minutes keep-firing-for asks").hasSize(1);

        run(S0.plus(minutes(25)));

        List<EmailOutboxRecord> mail = mailTo(dsl, "dba@example.com");
        assertThat(mail).hasSize(2);
        EmailOutboxRecord resolved = mail.getLast();
        assertThat(resolved.getSubject()).isEqualTo("[RESOLVED] orders-db database-down");
        assertThat(resolved.getInReplyTo()).isEqualTo(mail.getFirst().getMessageId());
        assertThat(resolved.getReferences()).containsExactly(mail.getFirst().getMessageId());
        assertThat(resolved.getTextBody()).contains("orders-db is back to normal; it was: DOWN for 2 consecutive checks")
                .contains("  Resolved: 2026-11-23 10:25 UTC\n");
        assertThat(dsl.fetchCount(ALERT, ALERT.SUBJECT.eq("orders-db").and(ALERT.STATE.eq("RESOLVED")))).isEqualTo(1);
    }

    @Test
    @Order(5)
    void markupInANameOrAnErrorIsEscapedAndThePasswordIsInNoEmail() {
        EmailOutboxRecord first = mailTo(dsl, "security@example.com").getFirst();

        assertThat(first.getHtmlBody()).doesNotContain(HOSTILE)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;: DOWN for 1 consecutive check");
        assertThat(first.getTextBody()).contains(HOSTILE + ": DOWN for 1 consecutive check");
        assertThat(first.getTextBody()).contains("redis-wrong-password: DOWN for 1 consecutive check");
        assertThat(dsl.fetch("select t::text from vigil.email_outbox t").toString()).doesNotContain(PASSWORD);
        assertThat(dsl.fetch("select t::text from vigil.alert t").toString()).doesNotContain(PASSWORD);
    }

    @Test
    @Order(6)
    void alertsStillFiringAreMailedAgainAfterTheRepeatIntervalInTheirThread() {
        run(S0.plus(Duration.ofHours(4)).minus(minutes(5)));
        assertThat(mailTo(dsl, "security@example.com")).hasSize(1);

        run(S0.plus(Duration.ofHours(4)));

        List<EmailOutboxRecord> mail = mailTo(dsl, "security@example.com");
        assertThat(mail).hasSize(2);
        assertThat(mail.getLast().getSubject()).isEqualTo("[FIRING:2] WARNING " + HOSTILE + " hostile-down (+1 more)");
        assertThat(mail.getLast().getTextBody()).startsWith("STILL FIRING · WARNING · " + HOSTILE);
        assertThat(mail.getLast().getInReplyTo()).isEqualTo(mail.getFirst().getMessageId());
        assertThat(mailTo(dsl, "dba@example.com")).as("resolved, nothing to repeat").hasSize(2);
    }

    @Test
    @Order(7)
    void alertsOfARuleNoLongerDeclaredResolveAndSaySo() {
        ruleSync.sync(new AlertsProperties(List.of(downRule("database-down", 2, Duration.ofMinutes(5), "critical",
                List.of("orders-db"), List.of(), "dba@example.com", "oncall@example.com")), List.of(), null));
        Instant fourHours = S0.plus(Duration.ofHours(4));
        run(fourHours.plus(minutes(5)));
        run(fourHours.plus(minutes(10)));
        assertThat(mailTo(dsl, "security@example.com")).hasSize(2);

        run(fourHours.plus(minutes(15)));

        List<EmailOutboxRecord> mail = mailTo(dsl, "security@example.com");
        assertThat(mail).hasSize(3);
        assertThat(mail.getLast().getSubject()).isEqualTo("[RESOLVED] " + HOSTILE + " hostile-down (+1 more)");
        assertThat(mail.getLast().getInReplyTo()).isEqualTo(mail.getFirst().getMessageId());
        assertThat(mail.getLast().getReferences()).containsExactly(mail.get(0).getMessageId(), mail.get(1).getMessageId());
    }

    private void run(Instant slot) {
        clock.set(slot);
        Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "test"));
    }

    private void declareFleet(String ordersPath) {
        fleetSync.sync(List.of(
                http("orders-db", http.url(ordersPath)),
                http(HOSTILE, http.url("/error"), "hostile"),
                new ConnectionDeclaration("redis-wrong-password", "redis", "127.0.0.1:6379", null, "REDIS_WRONG_PASSWORD",
                        Duration.ofSeconds(2), Duration.ofSeconds(1), List.of("hostile"), true)));
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
