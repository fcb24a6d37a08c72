package io.vigil.alert;

import static io.vigil.db.jooq.Tables.ALERT_EMAIL;
import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;

import io.vigil.alert.notification.AlertNotice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Which queued emails told whom about which alert: the thread a repeat or a resolution answers. */
public class AlertThreads {

    /** Links the email queued under {@code dedupeKey} to each alert it told about. */
    public void record(DSLContext tx, String dedupeKey, List<AlertNotice> notices) {
        long outboxId = tx.select(EMAIL_OUTBOX.ID).from(EMAIL_OUTBOX).where(EMAIL_OUTBOX.DEDUPE_KEY.eq(dedupeKey))
                .fetchSingle().value1();
        var insert = tx.insertInto(ALERT_EMAIL, ALERT_EMAIL.ALERT_ID, ALERT_EMAIL.EMAIL_OUTBOX_ID, ALERT_EMAIL.KIND);
        for (AlertNotice notice : notices) {
            insert = insert.values(notice.alertId(), outboxId, notice.kind().name());
        }
        insert.onConflictDoNothing().execute();
    }

    /** Alert id → Message-IDs of the emails about it already queued for this recipient, oldest first. */
    public Map<Long, List<String>> of(DSLContext tx, Collection<Long> alertIds, String recipient) {
        Map<Long, List<String>> threads = new LinkedHashMap<>();
        tx.select(ALERT_EMAIL.ALERT_ID, EMAIL_OUTBOX.MESSAGE_ID)
                .from(ALERT_EMAIL).join(EMAIL_OUTBOX).on(EMAIL_OUTBOX.ID.eq(ALERT_EMAIL.EMAIL_OUTBOX_ID))
                .where(ALERT_EMAIL.ALERT_ID.in(alertIds))
                .and(DSL.val(recipient).eq(DSL.any(EMAIL_OUTBOX.RECIPIENTS)))
                .orderBy(EMAIL_OUTBOX.ID)
                .forEach(r -> threads.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2()));
        return threads;
    }
}
