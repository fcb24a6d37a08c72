package io.vigil.mail;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;

import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import io.vigil.mail.delivery.OutboxStore;
import io.vigil.mail.delivery.QueuedEmail;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link OutboxStore} on the table, through jOOQ. */
public class JooqOutboxStore implements OutboxStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };

    private final DSLContext dsl;

    public JooqOutboxStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<QueuedEmail> claimDue(Instant now) {
        return dsl.selectFrom(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.STATUS.eq(EmailStatus.PENDING.name()))
                .and(EMAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, EMAIL_OUTBOX.ID)
                .limit(1)
                .forUpdate().skipLocked()
                .fetchOptional(JooqOutboxStore::queued);
    }

    @Override
    public void markSent(long id, Instant sentAt) {
        dsl.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.STATUS, EmailStatus.SENT.name())
                .set(EMAIL_OUTBOX.SENT_AT, sentAt)
                .set(EMAIL_OUTBOX.ATTEMPTS, EMAIL_OUTBOX.ATTEMPTS.plus(1))
                .where(EMAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    @Override
    public void markRetry(long id, String error, Instant nextAttemptAt) {
        dsl.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.ATTEMPTS, EMAIL_OUTBOX.ATTEMPTS.plus(1))
                .set(EMAIL_OUTBOX.LAST_ERROR, error)
                .set(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, nextAttemptAt)
                .where(EMAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    @Override
    public void markFailed(long id, String error) {
        dsl.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.STATUS, EmailStatus.FAILED.name())
                .set(EMAIL_OUTBOX.ATTEMPTS, EMAIL_OUTBOX.ATTEMPTS.plus(1))
                .set(EMAIL_OUTBOX.LAST_ERROR, error)
                .where(EMAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    private static QueuedEmail queued(EmailOutboxRecord row) {
        return new QueuedEmail(row.getId(), row.getMessageId(), row.getInReplyTo(), Arrays.asList(row.getReferences()),
                Arrays.asList(row.getRecipients()), row.getSubject(), row.getTextBody(), row.getHtmlBody(),
                JSON.readValue(row.getHeaders().data(), HEADERS), row.getAttempts(), row.getCreatedAt());
    }
}
