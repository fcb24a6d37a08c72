package io.vigil.mail.delivery;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import io.vigil.mail.JooqOutboxStore;
import io.vigil.mail.MailConfiguration;
import io.vigil.mail.MailProperties;
import io.vigil.mail.Outbox;
import io.vigil.mail.OutgoingEmail;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import io.vigil.testing.VigilSpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What delivery decides after each send, on the real table: exact retry times (no jitter drawn: the
 * random source is fixed), the last attempt, an email that can never be sent, the batch size. The
 * transport is an .eml directory, which a regular file in its place makes fail.
 */
@VigilSpringTest
@ExtendWith(OutputCaptureExtension.class)
class OutboxDeliveryTest {

    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired SettableClock clock;

    @TempDir Path temp;
    private Path directory;

    @BeforeEach
    void emptyOutbox() {
        dsl.deleteFrom(EMAIL_OUTBOX).execute();
        clock.set(TestBeans.START);
        directory = temp.resolve("outbox");
    }

    @Test
    void retriesAfterTheBackoffThenFailsAtTheLastAttempt(CapturedOutput output) throws IOException {
        long id = queue("retry", "ops@example.com");
        Files.writeString(directory, "in the way");
        OutboxDelivery delivery = delivery(3, 10);

        assertThat(delivery.deliverDue()).isEqualTo(new DeliveryReport(0, 1, 0, true));
        assertThat(row(id).getNextAttemptAt()).isEqualTo(TestBeans.START.plus(Duration.ofMinutes(1)));
        assertThat(delivery.deliverDue()).as("not due yet").isEqualTo(new DeliveryReport(0, 0, 0, false));

        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDue();
        assertThat(row(id).getAttempts()).isEqualTo(2);
        assertThat(row(id).getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(2));
        assertThat(delivery.deliverDue()).isEqualTo(new DeliveryReport(0, 0, 1, true));
        EmailOutboxRecord failed = row(id);
        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.getAttempts()).isEqualTo(3);
        assertThat(failed.getLastError()).startsWith("could not write an .eml file to " + directory);
        String failedForGood = "email " + id + " to example.com FAILED for good after 3 attempt(s) to .eml files in "
                + directory + ": " + failed.getLastError() + "; once the cause is fixed, send it again with vigil mail retry "
                + id + " (see: vigil mail list --failed)";
        assertThat(output.getAll().lines().filter(line -> line.contains(" WARN ") && line.endsWith(failedForGood)))
                .as("one line, once, naming the domain and not the recipient").hasSize(1);

        clock.advance(Duration.ofDays(1));
        assertThat(delivery.deliverDue().failed()).as("a FAILED email waits for an operator").isZero();
    }

    @Test
    void anEmailThatCanNeverBeSentFailsAtOnceAndTheOthersGoOn() {
        long invalid = queue("invalid", "not an address");
        long valid = queue("valid", "ops@example.com");

        assertThat(delivery(8, 10).deliverDue()).isEqualTo(new DeliveryReport(1, 0, 1, false));

        assertThat(row(invalid).getStatus()).isEqualTo("FAILED");
        assertThat(row(invalid).getAttempts()).isEqualTo(1);
        assertThat(row(invalid).getLastError())
                .isEqualTo("invalid message: invalid recipient 'not an address': Local address contains control or whitespace");
        assertThat(row(valid).getStatus()).isEqualTo("SENT");
    }

    @Test
    void sendsAtMostTheBatchSizePerRun() {
        List<Long> ids = List.of(queue("a", "ops@example.com"), queue("b", "ops@example.com"), queue("c", "ops@example.com"));
        OutboxDelivery delivery = delivery(8, 2);

        assertThat(delivery.deliverDue().sent()).isEqualTo(2);
        assertThat(ids.stream().map(id -> row(id).getStatus())).containsExactly("SENT", "SENT", "PENDING");
        assertThat(delivery.deliverDue().sent()).isEqualTo(1);
        assertThat(row(ids.getLast()).getStatus()).isEqualTo("SENT");
    }

    private OutboxDelivery delivery(int maxAttempts, int batchSize) {
        return new OutboxDelivery(new JooqOutboxStore(dsl), new MessageBuilder(new MailProperties("vigil.localhost").fromAddress()),
                new EmlDirectoryTransport(directory),
                new RetryPolicy(maxAttempts, Duration.ofMinutes(1), Duration.ofHours(1), 0.2, () -> 0.5),
                MailConfiguration.newTransactions(transactionManager), clock, batchSize);
    }

    private long queue(String key, String recipient) {
        String messageId = dsl.transactionResult(tx -> outbox.enqueue(tx.dsl(), new OutgoingEmail(key, List.of(recipient),
                "subject " + key, "text", "<p>html</p>", Map.of(), null, null)));
        return dsl.fetchValue(EMAIL_OUTBOX.ID, EMAIL_OUTBOX.MESSAGE_ID.eq(messageId));
    }

    private EmailOutboxRecord row(long id) {
        return dsl.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(id)).fetchOne();
    }
}
