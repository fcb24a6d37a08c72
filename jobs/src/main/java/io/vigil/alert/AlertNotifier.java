package io.vigil.alert;

import io.vigil.alert.notification.AlertMailRenderer;
import io.vigil.alert.notification.AlertNotice;
import io.vigil.alert.notification.NoticeGroups;
import io.vigil.alert.notification.SubjectLine;
import io.vigil.alert.notification.Threading;
import io.vigil.mail.Outbox;
import io.vigil.mail.OutgoingEmail;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Queues the emails for a set of notices in the caller's transaction: one per recipient, threaded under
 * the emails that announced its alerts, each linked to its alerts in {@code alert_email}.
 */
public class AlertNotifier {

    public static final String SEVERITY_HEADER = "X-Vigil-Severity";

    private final Outbox outbox;
    private final AlertThreads threads;
    private final AlertMailRenderer renderer;

    public AlertNotifier(Outbox outbox, AlertThreads threads, AlertMailRenderer renderer) {
        this.outbox = outbox;
        this.threads = threads;
        this.renderer = renderer;
    }

    /**
     * @param occasion what the emails are for, unique per evaluation or run (e.g. {@code alerts:<slot>}): with
     *                 the recipient it is the dedupe key, so doing the same occasion again queues nothing new
     * @return the number of emails queued
     */
    public int send(DSLContext tx, String occasion, List<AlertNotice> notices) {
        Map<String, List<AlertNotice>> groups = NoticeGroups.byRecipient(notices);
        groups.forEach((recipient, group) -> {
            var thread = Threading.of(group, threads.of(tx, group.stream().map(AlertNotice::alertId).toList(), recipient));
            var mail = renderer.render(group);
            String key = occasion + ":" + recipient;
            outbox.enqueue(tx, new OutgoingEmail(key, List.of(recipient), mail.subject(), mail.text(), mail.html(),
                    Map.of(SEVERITY_HEADER, SubjectLine.severity(group).name()), thread.inReplyTo(), thread.references()));
            threads.record(tx, key, group);
        });
        return groups.size();
    }
}
