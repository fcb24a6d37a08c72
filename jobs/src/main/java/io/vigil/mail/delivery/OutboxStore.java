package io.vigil.mail.delivery;

import java.time.Instant;
import java.util.Optional;

/** Delivery's view of {@code email_outbox}. Every method runs in the caller's transaction. */
public interface OutboxStore {

    /**
     * The PENDING row due longest, locked until the transaction ends; rows another transaction has locked
     * are skipped, so concurrent deliverers each take a different row.
     */
    Optional<QueuedEmail> claimDue(Instant now);

    void markSent(long id, Instant sentAt);

    /** One more failed send; the row stays PENDING until {@code nextAttemptAt}. */
    void markRetry(long id, String error, Instant nextAttemptAt);

    /** One more failed send, and the last: the row is FAILED until an operator retries it. */
    void markFailed(long id, String error);
}
