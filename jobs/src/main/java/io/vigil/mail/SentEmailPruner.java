package io.vigil.mail;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;

import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Deletes outbox rows that are done with: sent, or failed for good, before a cutoff. A row still
 * pending is never deleted, however old: it is an email nobody has received yet. Rows that link alerts
 * to their emails go with them (ON DELETE CASCADE), so an alert older than the retention simply has no
 * thread left to reply into.
 */
public class SentEmailPruner {

    private final DSLContext dsl;

    public SentEmailPruner(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The number of emails deleted. */
    public int pruneDoneBefore(Instant cutoff) {
        return dsl.deleteFrom(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.STATUS.eq("SENT").and(EMAIL_OUTBOX.SENT_AT.lt(cutoff))
                        .or(EMAIL_OUTBOX.STATUS.eq("FAILED").and(EMAIL_OUTBOX.CREATED_AT.lt(cutoff))))
                .execute();
    }
}
