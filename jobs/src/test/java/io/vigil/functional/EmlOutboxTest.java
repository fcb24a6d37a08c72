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
import io.vigil.testing.VigilSpringTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Without an SMTP host (here set but empty, as {@code ${SMTP_HOST:}} leaves it), mailDeliveryJob writes
 * each email as an .eml file, and the log says where.
 */
@ExtendWith(OutputCaptureExtension.class)
@VigilSpringTest
class EmlOutboxTest {

    private static final Path OUTBOX = temporaryDirectory().resolve("outbox");

    @Autowired SlotLauncher launcher;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;

    @DynamicPropertySource
    static void outbox(DynamicPropertyRegistry registry) {
        registry.add("vigil.mail.outbox-dir", OUTBOX::toString);
        registry.add("spring.mail.host", () -> "");
    }

    @AfterAll
    static void deleteOutbox() throws IOException {
        FileSystemUtils.deleteRecursively(OUTBOX.getParent());
    }

    @Test
    void writesEachEmailAsAnEmlFileThatParsesBack(CapturedOutput output) throws Exception {
        String firing = TestEmails.queueFiring(outbox, dsl, "orders-db");
        long id = dsl.fetchValue(EMAIL_OUTBOX.ID, EMAIL_OUTBOX.MESSAGE_ID.eq(firing));

        Launches.completed(launcher.launch(MailDeliveryJobConfiguration.JOB, Slot.of(TestBeans.START), "test"));

        List<Path> files;
        try (var listing = Files.list(OUTBOX)) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(file ->
                assertThat(file.getFileName().toString()).matches(id + "-[0-9a-f]{8}\\.eml"));
        try (InputStream in = Files.newInputStream(files.getFirst())) {
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(parsed.getMessageID()).isEqualTo(firing);
            assertThat(parsed.getHeader("X-Vigil-Severity", null)).isEqualTo("CRITICAL");
            MimeMultipart parts = (MimeMultipart) parsed.getContent();
            assertThat(parts.getBodyPart(0).getContent()).isEqualTo("orders-db is DOWN");
            assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>orders-db is <b>DOWN</b></p>");
        }
        assertThat(dsl.fetchValue(EMAIL_OUTBOX.STATUS, EMAIL_OUTBOX.ID.eq(id))).isEqualTo("SENT");
        assertThat(output.getAll()).contains("No SMTP server configured (spring.mail.host): emails are written as .eml "
                + "files to " + OUTBOX.toAbsolutePath());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("vigil-eml-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
