package io.vigil.mail;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;

import java.time.Clock;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues emails. The caller passes its own transaction's {@link DSLContext}, so the email exists if and
 * only if the change that caused it committed.
 */
public class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final String messageIdDomain;

    public Outbox(Clock clock, String messageIdDomain) {
        this.clock = clock;
        this.messageIdDomain = messageIdDomain;
    }

    /** The Message-ID the email goes out with; the first one's if this key was already queued. */
    public String enqueue(DSLContext tx, OutgoingEmail email) {
        String messageId = messageIdFor(email.dedupeKey());
        Instant now = clock.instant();
        tx.insertInto(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.DEDUPE_KEY, email.dedupeKey())
                .set(EMAIL_OUTBOX.MESSAGE_ID, messageId)
                .set(EMAIL_OUTBOX.IN_REPLY_TO, email.inReplyTo())
                .set(EMAIL_OUTBOX.REFERENCES, email.references().toArray(String[]::new))
                .set(EMAIL_OUTBOX.RECIPIENTS, email.recipients().toArray(String[]::new))
                .set(EMAIL_OUTBOX.SUBJECT, email.subject())
                .set(EMAIL_OUTBOX.TEXT_BODY, email.textBody())
                .set(EMAIL_OUTBOX.HTML_BODY, email.htmlBody())
                .set(EMAIL_OUTBOX.HEADERS, JSONB.valueOf(JSON.writeValueAsString(email.headers())))
                .set(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
                .set(EMAIL_OUTBOX.CREATED_AT, now)
                .onConflict(EMAIL_OUTBOX.DEDUPE_KEY).doNothing()
                .execute();
        return messageId;
    }

    /** The Message-ID an email queued under this key has, or will have. */
    public String messageIdFor(String dedupeKey) {
        return MessageIds.of(dedupeKey, messageIdDomain);
    }
}
