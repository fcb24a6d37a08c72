package io.vigil.mail;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;

import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The outbox for operators: what is queued, sent or failed, and sending an email again. */
public class OutboxQueries {

    private final DSLContext dsl;
    private final Clock clock;

    public OutboxQueries(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Newest first; {@code status} is an optional filter. */
    public List<OutboxEntry> list(EmailStatus status, int limit) {
        return dsl.selectFrom(EMAIL_OUTBOX)
                .where(status == null ? DSL.noCondition() : EMAIL_OUTBOX.STATUS.eq(status.name()))
                .orderBy(EMAIL_OUTBOX.CREATED_AT.desc(), EMAIL_OUTBOX.ID.desc())
                .limit(limit)
                .fetch(OutboxQueries::entry);
    }

    public Optional<OutboxEntry> find(long id) {
        return dsl.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(id)).fetchOptional(OutboxQueries::entry);
    }

    /**
     * Makes a PENDING or FAILED email due now with a fresh set of attempts; a SENT one is left alone.
     *
     * @return the email as it was before, or empty when there is no email with this id
     * @throws IllegalStateException when the email was SENT already
     */
    public Optional<OutboxEntry> retry(long id) {
        return dsl.transactionResult(tx -> {
            Optional<OutboxEntry> before = tx.dsl().selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(id))
                    .forUpdate().fetchOptional(OutboxQueries::entry);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            if (before.get().status() == EmailStatus.SENT) {
                throw new IllegalStateException("email " + id + " is SENT (at " + before.get().sentAt()
                        + "): only a PENDING or FAILED email can be retried");
            }
            tx.dsl().update(EMAIL_OUTBOX)
                    .set(EMAIL_OUTBOX.STATUS, EmailStatus.PENDING.name())
                    .set(EMAIL_OUTBOX.ATTEMPTS, 0)
                    .set(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, clock.instant())
                    .setNull(EMAIL_OUTBOX.LAST_ERROR)
                    .where(EMAIL_OUTBOX.ID.eq(id))
                    .execute();
            return before;
        });
    }

    private static OutboxEntry entry(EmailOutboxRecord row) {
        EmailStatus status = EmailStatus.valueOf(row.getStatus());
        return new OutboxEntry(row.getId(), status, row.getAttempts(), Arrays.asList(row.getRecipients()),
                row.getSubject(), row.getMessageId(), row.getCreatedAt(),
                status == EmailStatus.PENDING ? row.getNextAttemptAt() : null, row.getSentAt(), row.getLastError());
    }
}
