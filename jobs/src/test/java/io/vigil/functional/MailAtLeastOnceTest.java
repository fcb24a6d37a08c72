package io.vigil.functional;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.mail.JooqOutboxStore;
import io.vigil.mail.MailConfiguration;
import io.vigil.mail.MailProperties;
import io.vigil.mail.Outbox;
import io.vigil.mail.delivery.MailTransport;
import io.vigil.mail.delivery.MessageBuilder;
import io.vigil.mail.delivery.OutboxDelivery;
import io.vigil.mail.delivery.OutboxStore;
import io.vigil.mail.delivery.QueuedEmail;
import io.vigil.mail.delivery.RetryPolicy;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestEmails;
import io.vigil.testing.TestSmtp;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Documents the one duplicate the outbox allows: the server accepted an email, and the process or the
 * database failed before the row was marked SENT. The row is still PENDING, so the next run sends it
 * again, with the same Message-ID: at-least-once, and the duplicate is recognisably the same email.
 */
@VigilSpringTest
class MailAtLeastOnceTest {

    @RegisterExtension
    static final TestSmtp smtp = new TestSmtp().start();

    @Autowired OutboxDelivery delivery;
    @Autowired Outbox outbox;
    @Autowired DSLContext dsl;
    @Autowired MailTransport transport;
    @Autowired MailProperties properties;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired SettableClock clock;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Test
    void aFailureBetweenSendingAndMarkingSendsTheSameMessageIdAgain() {
        String id = TestEmails.queueFiring(outbox, dsl, "orders-db");
        OutboxDelivery crashingAfterSend = new OutboxDelivery(new MarkingFailsOnce(new JooqOutboxStore(dsl)),
                new MessageBuilder(properties.fromAddress()), transport,
                new RetryPolicy(8, Duration.ofMinutes(1), Duration.ofHours(1), 0, () -> 0.5),
                MailConfiguration.newTransactions(transactionManager), clock, 10);

        assertThatThrownBy(crashingAfterSend::deliverDue).hasMessageContaining("connection lost before commit");
        assertThat(TestSmtp.messageIds(smtp.awaitReceived(1))).containsExactly(id);
        assertThat(dsl.fetchValue(EMAIL_OUTBOX.STATUS, EMAIL_OUTBOX.MESSAGE_ID.eq(id)))
                .as("the mark was rolled back with its transaction").isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(1));
        assertThat(delivery.deliverDue().sent()).isEqualTo(1);

        assertThat(TestSmtp.messageIds(smtp.awaitReceived(2))).as("delivered twice, recognisably the same email")
                .containsExactly(id, id);
        var row = dsl.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.MESSAGE_ID.eq(id)).fetchOne();
        assertThat(row.getStatus()).isEqualTo("SENT");
        assertThat(row.getSentAt()).isEqualTo(clock.instant());
        assertThat(delivery.deliverDue().sent()).as("and never again").isZero();
        assertThat(smtp.received()).hasSize(2);
    }

    /** The database goes away once, right after the first successful send. */
    private static final class MarkingFailsOnce implements OutboxStore {

        private final OutboxStore store;
        private boolean failed;

        MarkingFailsOnce(OutboxStore store) {
            this.store = store;
        }

        @Override
        public Optional<QueuedEmail> claimDue(Instant now) {
            return store.claimDue(now);
        }

        @Override
        public void markSent(long id, Instant sentAt) {
            if (!failed) {
                failed = true;
                throw new DataAccessResourceFailureException("connection lost before commit");
            }
            store.markSent(id, sentAt);
        }

        @Override
        public void markRetry(long id, String error, Instant nextAttemptAt) {
            store.markRetry(id, error, nextAttemptAt);
        }

        @Override
        public void markFailed(long id, String error) {
            store.markFailed(id, error);
        }
    }
}
