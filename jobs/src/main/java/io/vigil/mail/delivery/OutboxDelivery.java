package io.vigil.mail.delivery;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due emails of the outbox, each in a transaction of its own: lock one due row (rows locked
 * by another deliverer are skipped, so two nodes never send the same row), send it, mark it SENT,
 * commit.
 *
 * <p><b>At-least-once.</b> A process that dies, or a database that fails, after the server accepted an
 * email and before the commit leaves its row PENDING, and the next run sends it again; so does a
 * server's acceptance lost on the way back (a timeout after the whole message went out). The second copy
 * carries the same Message-ID (and Date) as the first, so it is recognisably the same email, and mail
 * servers and clients that deduplicate by Message-ID show it once. In the normal path each email is
 * sent exactly once.
 *
 * <p>The row stays locked while its email is sent, so a send is bounded by the SMTP timeouts
 * ({@code spring.mail.properties.mail.smtp.*timeout}).
 *
 * <p>A failed send is tried again later, with the {@link RetryPolicy}'s backoff, until its last attempt
 * marks it FAILED for an operator ({@code vigil mail retry ID}). When the server cannot be reached the
 * run stops after that one failure instead of waiting out a timeout for every due email.
 */
public class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private enum Outcome { NOTHING_DUE, SENT, RETRYING, FAILED }

    /**
     * @param serverUnavailable whether the next email would fail the same way now
     * @param warning           what to log once the attempt's transaction has committed; null if nothing
     */
    private record Attempt(Outcome outcome, boolean serverUnavailable, String warning) {
    }

    private final OutboxStore store;
    private final MessageBuilder messages;
    private final MailTransport transport;
    private final RetryPolicy retries;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;

    public OutboxDelivery(OutboxStore store, MessageBuilder messages, MailTransport transport, RetryPolicy retries,
                          Transactions transactions, Clock clock, int batchSize) {
        this.store = store;
        this.messages = messages;
        this.transport = transport;
        this.retries = retries;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sends up to the batch size of due emails. */
    public DeliveryReport deliverDue() {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        boolean serverUnavailable = false;
        for (int i = 0; i < batchSize; i++) {
            Attempt attempt = transactions.inNewTransaction(this::deliverOne);
            // Only now: an attempt rolled back is made again, and must not have been told already.
            if (attempt.warning() != null) {
                log.warn("{}", attempt.warning());
            }
            switch (attempt.outcome()) {
                case NOTHING_DUE -> { }
                case SENT -> sent++;
                case RETRYING -> retrying++;
                case FAILED -> failed++;
            }
            if (attempt.outcome() == Outcome.NOTHING_DUE || attempt.serverUnavailable()) {
                serverUnavailable = attempt.serverUnavailable();
                break;
            }
        }
        if (sent + retrying + failed > 0) {
            log.info("Mail delivery to {}: {} sent, {} to retry, {} failed{}", transport.describe(), sent, retrying, failed,
                    serverUnavailable ? "; stopped: the server is unavailable, any other due email waits for the next run" : "");
        }
        return new DeliveryReport(sent, retrying, failed, serverUnavailable);
    }

    private Attempt deliverOne() {
        Optional<QueuedEmail> due = store.claimDue(clock.instant());
        if (due.isEmpty()) {
            return new Attempt(Outcome.NOTHING_DUE, false, null);
        }
        QueuedEmail email = due.get();
        try {
            transport.send(email.id(), messages.build(email));
        } catch (MessagingException e) {
            return failed(email, new SendFailure(SendFailure.Kind.INVALID_MESSAGE,
                    "invalid message: " + FailureText.of(e, null, null)));
        } catch (SendFailure e) {
            return failed(email, e);
        }
        store.markSent(email.id(), clock.instant());
        return new Attempt(Outcome.SENT, false, null);
    }

    private Attempt failed(QueuedEmail email, SendFailure failure) {
        Instant now = clock.instant();
        int attempts = email.attempts() + 1;
        boolean serverUnavailable = failure.kind() == SendFailure.Kind.SERVER_UNAVAILABLE;
        Optional<Instant> next = failure.kind() == SendFailure.Kind.INVALID_MESSAGE
                ? Optional.empty() : retries.nextAttempt(attempts, now);
        if (next.isEmpty()) {
            store.markFailed(email.id(), failure.getMessage());
            return new Attempt(Outcome.FAILED, serverUnavailable, "email " + email.id() + " to "
                    + RecipientDomains.of(email.recipients()) + " FAILED for good after " + attempts + " attempt(s) to "
                    + transport.describe() + ": " + failure.getMessage() + "; once the cause is fixed, send it again "
                    + "with vigil mail retry " + email.id() + " (see: vigil mail list --failed)");
        }
        store.markRetry(email.id(), failure.getMessage(), next.get());
        return new Attempt(Outcome.RETRYING, serverUnavailable, "Email " + email.id() + " (" + email.messageId()
                + ") not sent, attempt " + attempts + " of " + retries.maxAttempts() + " to " + transport.describe() + ": "
                + failure.getMessage() + "; next attempt at " + next.get());
    }
}
