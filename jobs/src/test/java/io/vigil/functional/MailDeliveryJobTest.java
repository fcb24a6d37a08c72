package io.vigil.functional;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.mail.Outbox;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestEmails;
import io.vigil.testing.TestSmtp;
import io.vigil.testing.VigilSpringTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** mailDeliveryJob sends a queued firing email and the resolved one answering it, each once. */
@VigilSpringTest
class MailDeliveryJobTest {

    @RegisterExtension
    static final TestSmtp smtp = new TestSmtp().start();

    @Autowired SlotLauncher launcher;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;
    @Autowired JavaMailSenderImpl sender;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Test
    void sendsEachQueuedEmailOnceThreadedWithTheFiringOne() throws Exception {
        String firing = TestEmails.queueFiring(outbox, dsl, "orders-db");
        String resolved = TestEmails.queueResolved(outbox, dsl, "orders-db", firing);

        JobExecution run = run(TestBeans.START);

        List<MimeMessage> received = smtp.awaitReceived(3);
        assertThat(run.getStepExecutions()).singleElement().satisfies(step -> assertThat(step.getWriteCount()).isEqualTo(2));
        assertThat(TestSmtp.messageIds(received)).as("one copy per recipient: ops gets both, dba the resolved one")
                .containsExactlyInAnyOrder(firing, resolved, resolved);
        MimeMessage answer = received.stream().filter(m -> TestSmtp.messageIds(List.of(m)).getFirst().equals(resolved))
                .findFirst().orElseThrow();
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(firing);
        assertThat(answer.getHeader("References", null)).isEqualTo(firing);
        assertThat(answer.getHeader("X-Vigil-Severity", null)).isEqualTo("CRITICAL");
        assertThat(received).allSatisfy(m -> assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated"));
        assertThat(answer.getSubject()).isEqualTo("[RESOLVED] orders-db");
        assertThat(answer.getFrom()).extracting(Object::toString).containsExactly(TestSmtp.FROM);
        MimeMultipart parts = (MimeMultipart) answer.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");

        var rows = dsl.selectFrom(EMAIL_OUTBOX).orderBy(EMAIL_OUTBOX.ID).fetch();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getStatus()).isEqualTo("SENT");
            assertThat(row.getSentAt()).isEqualTo(TestBeans.START);
            assertThat(row.getAttempts()).isEqualTo(1);
            assertThat(row.getLastError()).isNull();
        });

        JobExecution again = run(TestBeans.START.plus(Duration.ofMinutes(1)));
        assertThat(again.getStepExecutions()).singleElement().satisfies(step -> assertThat(step.getWriteCount()).isZero());
        assertThat(smtp.received()).as("nothing sent twice").hasSize(3);
    }

    @Test
    void theSmtpClientHasTimeoutsAndUsesStartTlsWhenOffered() {
        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000")
                .containsEntry("mail.smtps.connectiontimeout", "10000")
                .containsEntry("mail.smtps.timeout", "10000")
                .containsEntry("mail.smtps.writetimeout", "10000")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .doesNotContainKey("mail.smtp.starttls.required");
    }

    private JobExecution run(Instant slot) {
        return Launches.completed(launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(slot), "test"));
    }
}
