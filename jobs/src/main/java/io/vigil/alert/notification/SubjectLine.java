package io.vigil.alert.notification;

import io.vigil.alert.rule.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * Alertmanager's subject, for one recipient's email: {@code [FIRING:2] CRITICAL orders-db database-down
 * (+1 more)}, or {@code [RESOLVED] orders-db database-down} when nothing in it fires.
 */
public final class SubjectLine {

    private SubjectLine() {
    }

    /** @param notices in {@link NoticeGroups#ORDER} */
    public static String of(List<AlertNotice> notices) {
        AlertNotice first = notices.getFirst();
        long firing = notices.stream().filter(AlertNotice::firing).count();
        String prefix = firing > 0 ? "[FIRING:" + firing + "] " + severity(notices) + " " : "[RESOLVED] ";
        String more = notices.size() > 1 ? " (+" + (notices.size() - 1) + " more)" : "";
        return oneLine(prefix + first.subject() + " " + first.ruleName() + more);
    }

    /** The most urgent severity among the firing alerts, or among all when none fires. */
    public static Severity severity(List<AlertNotice> notices) {
        List<AlertNotice> firing = notices.stream().filter(AlertNotice::firing).toList();
        return (firing.isEmpty() ? notices : firing).stream().map(AlertNotice::severity)
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    // A line break in a subject would end the header early (header injection).
    private static String oneLine(String subject) {
        return subject.replaceAll("[\\r\\n\\t]+", " ");
    }
}
