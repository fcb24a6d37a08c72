package io.vigil.alert.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager groups alerts by labels; Vigil groups by who reads them: everything that fired, is due a
 * repeat or resolved in one evaluation goes to each recipient as one email.
 */
public final class NoticeGroups {

    /** Firing before resolved, then the most urgent first, then by subject and rule. */
    public static final Comparator<AlertNotice> ORDER = Comparator
            .comparing((AlertNotice n) -> !n.firing())
            .thenComparing(AlertNotice::severity, Comparator.reverseOrder())
            .thenComparing(AlertNotice::subject)
            .thenComparing(AlertNotice::ruleName);

    private NoticeGroups() {
    }

    /** Recipient → that recipient's notices in {@link #ORDER}; recipients in alphabetical order. */
    public static Map<String, List<AlertNotice>> byRecipient(List<AlertNotice> notices) {
        Map<String, List<AlertNotice>> groups = new TreeMap<>();
        for (AlertNotice notice : notices) {
            for (String recipient : notice.recipients()) {
                List<AlertNotice> group = groups.computeIfAbsent(recipient, r -> new ArrayList<>());
                // The same alert reaches a recipient once, even if listed twice.
                if (group.stream().noneMatch(n -> n.alertId() == notice.alertId())) {
                    group.add(notice);
                }
            }
        }
        groups.values().forEach(group -> group.sort(ORDER));
        return groups;
    }
}
