package io.vigil.alert.notification;

import io.vigil.alert.evaluation.NotificationKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Puts a repeat or resolved email into the thread of the email that announced its alert. With alerts
 * from several threads, it answers the first alert's and references all of them.
 */
public final class Threading {

    public record Headers(String inReplyTo, List<String> references) {
    }

    private Threading() {
    }

    /**
     * @param notices in {@link NoticeGroups#ORDER}
     * @param threads alert id → Message-IDs already sent to this recipient about it, oldest (the firing) first
     */
    public static Headers of(List<AlertNotice> notices, Map<Long, List<String>> threads) {
        String inReplyTo = null;
        LinkedHashSet<String> references = new LinkedHashSet<>();
        for (AlertNotice notice : notices) {
            List<String> thread = threads.getOrDefault(notice.alertId(), List.of());
            if (notice.kind() == NotificationKind.FIRING || thread.isEmpty()) {
                continue;
            }
            if (inReplyTo == null) {
                inReplyTo = thread.getFirst();
            }
            references.addAll(thread);
        }
        return new Headers(inReplyTo, new ArrayList<>(references));
    }
}
