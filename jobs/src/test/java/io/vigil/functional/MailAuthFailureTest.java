package io.vigil.functional;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.mail.Outbox;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.TestBeans;
import io.vigil.testing.TestEmails;
import io.vigil.testing.TestSmtp;
import io.vigil.testing.VigilSpringTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server refuses our login: the emails wait, and the configured password is nowhere to be read. */
@VigilSpringTest
@ExtendWith(OutputCaptureExtension.class)
class MailAuthFailureTest {

    private static final String PASSWORD = "W0ng-p4ss/w+rd";

    @RegisterExtension
    static final TestSmtp smtp = new TestSmtp(GreenMailConfiguration.aConfig().withUser("vigil", "right-password"))
            .start();

    @Autowired SlotLauncher launcher;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
        registry.add("spring.mail.username", () -> "vigil");
        registry.add("spring.mail.password", () -> PASSWORD);
        registry.add("spring.mail.properties.mail.smtp.auth", () -> "true");
    }

    @Test
    void aRefusedLoginKeepsTheEmailsAndNeverRevealsThePassword(CapturedOutput output) {
        TestEmails.queueFiring(outbox, dsl, "orders-db");
        TestEmails.queueFiring(outbox, dsl, "billing-db");

        var run = Launches.completed(launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(TestBeans.START), "test"));

        assertThat(run.getStepExecutions()).singleElement().satisfies(step -> assertThat(step.getWriteCount()).isZero());
        assertThat(smtp.received()).isEmpty();
        var rows = dsl.selectFrom(EMAIL_OUTBOX).orderBy(EMAIL_OUTBOX.ID).fetch();
        assertThat(rows.getFirst().getLastError()).as("the server's answer is kept").contains("535");
        assertThat(rows.getLast().getAttempts()).as("a refused login stops the run: every email would fail").isZero();
        String plainToken = Base64.getEncoder().encodeToString(("\0vigil\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String secret : new String[] {PASSWORD, "W0ng-p4ss", plainToken}) {
            assertThat(rows).allSatisfy(row -> assertThat(String.valueOf(row.getLastError())).doesNotContain(secret));
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(output.getAll()).contains("Email " + rows.getFirst().getId() + " (" + rows.getFirst().getMessageId()
                + ") not sent, attempt 1 of 8");
    }
}
