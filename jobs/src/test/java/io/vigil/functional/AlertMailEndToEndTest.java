package io.vigil.functional;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static io.vigil.testing.AlertFixtures.downRule;
import static io.vigil.testing.AlertFixtures.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.TestSmtp;
import io.vigil.testing.VigilSpringTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole path, as the daemon runs it: health checks find a target down, the alert fires after its
 * {@code for} duration while the SMTP server is down, the email waits and arrives once when the server
 * is back, and the target's recovery arrives as a reply in the same thread.
 */
@VigilSpringTest
class AlertMailEndToEndTest {

    private static final Instant S0 = Instant.parse("2026-11-23T10:00:00Z");

    /** Down until the test starts it. */
    @RegisterExtension
    static final TestSmtp smtp = new TestSmtp();

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired SettableClock clock;
    @Autowired DSLContext dsl;

    private static final TestHttpServer target = new TestHttpServer();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @Test
    void aTargetGoesDownAndComesBackAsTwoEmailsInOneThreadThroughAnSmtpOutage() throws Exception {
        ruleSync.sync(new AlertsProperties(List.of(downRule("database-down", 2, Duration.ofMinutes(5), "critical",
                List.of("orders-db"), List.of(), "dba@example.com")), List.of(), null));
        fleetSync.sync(List.of(http("orders-db", target.url("/error"))));

        checkAndDeliver(S0);
        checkAndDeliver(S0.plusSeconds(300));
        assertThat(dsl.fetchCount(EMAIL_OUTBOX)).as("pending, not yet firing").isZero();

        checkAndDeliver(S0.plusSeconds(600));
        assertThat(dsl.fetchCount(EMAIL_OUTBOX.where(EMAIL_OUTBOX.STATUS.eq("PENDING").and(EMAIL_OUTBOX.ATTEMPTS.eq(1)))))
                .as("fired; the SMTP server is down, so the email waits").isOne();

        smtp.start();
        checkAndDeliver(S0.plusSeconds(900));
        List<MimeMessage> received = smtp.awaitReceived(1);
        MimeMessage firing = received.getFirst();
        assertThat(firing.getSubject()).isEqualTo("[FIRING:1] CRITICAL orders-db database-down");
        assertThat(firing.getHeader("X-Vigil-Severity")).containsExactly("CRITICAL");
        assertThat(firing.getAllRecipients()).extracting(Object::toString).containsExactly("dba@example.com");
        MimeMultipart parts = (MimeMultipart) firing.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("orders-db: DOWN for 2 consecutive checks")
                .contains("vigil fleet test orders-db");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("orders-db: DOWN for 2 consecutive checks");
        String firingId = firing.getMessageID();
        assertThat(firingId).isEqualTo(dsl.fetchValue(EMAIL_OUTBOX.MESSAGE_ID));

        fleetSync.sync(List.of(http("orders-db", target.url("/ok"))));
        for (int minutes = 20; minutes <= 35; minutes += 5) {
            checkAndDeliver(S0.plusSeconds(minutes * 60L));
        }

        received = smtp.awaitReceived(2);
        assertThat(received).as("each email once").hasSize(2);
        MimeMessage resolved = received.get(1);
        assertThat(resolved.getSubject()).isEqualTo("[RESOLVED] orders-db database-down");
        assertThat(resolved.getHeader("In-Reply-To")).containsExactly(firingId);
        assertThat(resolved.getHeader("References")).containsExactly(firingId);
        assertThat(TestSmtp.messageIds(received)).doesNotHaveDuplicates();
    }

    /** What the daemon does every five minutes: check the fleet (and evaluate), then deliver the mail. */
    private void checkAndDeliver(Instant slot) {
        clock.set(slot);
        Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "test"));
        Launches.completed(launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(slot), "test"));
    }
}
