package io.vigil.functional;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.mail.Outbox;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.ScriptedSmtpServer;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestEmails;
import io.vigil.testing.TestSmtp;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server's reply decides: a 5xx refusal of the recipient is permanent (RFC 5321), so the email is
 * FAILED at once for an operator to see; a 4xx one is temporary and retried with backoff.
 */
@VigilSpringTest
class MailRejectionTest {

    private static final ScriptedSmtpServer server = new ScriptedSmtpServer();

    @Autowired SlotLauncher launcher;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;

    private static Instant slot = TestBeans.START;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", server::port);
        registry.add("vigil.mail.from", () -> TestSmtp.FROM);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aPermanentRefusalFailsTheEmailAtOnce() {
        server.answerRecipientsWith("550 5.1.1 <ops@example.com>: no such user");
        String id = TestEmails.queueFiring(outbox, dsl, "refused-for-good");

        deliver();

        EmailOutboxRecord row = row(id);
        assertThat(row.getStatus()).isEqualTo("FAILED");
        assertThat(row.getAttempts()).isOne();
        assertThat(row.getLastError()).contains("550 5.1.1").contains("no such user");
    }

    @Test
    void aTemporaryRefusalIsRetried() {
        server.answerRecipientsWith("451 4.3.0 mailbox busy, try again later");
        String id = TestEmails.queueFiring(outbox, dsl, "refused-for-now");

        deliver();

        EmailOutboxRecord row = row(id);
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getAttempts()).isOne();
        assertThat(row.getLastError()).contains("451 4.3.0");
        assertThat(row.getNextAttemptAt()).isAfter(row.getCreatedAt());
    }

    private void deliver() {
        slot = slot.plus(Duration.ofMinutes(1));
        Launches.completed(launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(slot), "test"));
    }

    private EmailOutboxRecord row(String messageId) {
        return dsl.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.MESSAGE_ID.eq(messageId)).fetchOne();
    }
}
