package io.vigil.alert.notification;

import static io.vigil.alert.evaluation.NotificationKind.FIRING;
import static io.vigil.alert.evaluation.NotificationKind.REPEAT;
import static io.vigil.alert.evaluation.NotificationKind.RESOLVED;
import static io.vigil.alert.notification.Notices.notice;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grouping per recipient, the subject line and the threading headers. */
class GroupingTest {

    private final AlertNotice ordersDown = notice(1, FIRING, Severity.CRITICAL, "orders-db", "database-down", "dba@x.io", "ops@x.io");
    private final AlertNotice billingSlow = notice(2, FIRING, Severity.WARNING, "billing-db", "slow", "dba@x.io");
    private final AlertNotice cacheBack = notice(3, RESOLVED, Severity.CRITICAL, "cache", "database-down", "ops@x.io");
    private final AlertNotice searchRepeat = notice(4, REPEAT, Severity.INFO, "search", "slow", "dba@x.io");

    @Test
    void eachRecipientGetsOneEmailWithItsAlertsFiringFirstMostUrgentFirst() {
        Map<String, List<AlertNotice>> groups = NoticeGroups.byRecipient(List.of(searchRepeat, cacheBack, billingSlow, ordersDown));

        assertThat(groups).containsOnlyKeys("dba@x.io", "ops@x.io");
        assertThat(groups.get("dba@x.io")).containsExactly(ordersDown, billingSlow, searchRepeat);
        assertThat(groups.get("ops@x.io")).containsExactly(ordersDown, cacheBack);
    }

    @Test
    void theSubjectCountsTheFiringAlertsAndNamesTheMostUrgent() {
        assertThat(SubjectLine.of(List.of(ordersDown))).isEqualTo("[FIRING:1] CRITICAL orders-db database-down");
        assertThat(SubjectLine.of(List.of(ordersDown, billingSlow, searchRepeat)))
                .isEqualTo("[FIRING:3] CRITICAL orders-db database-down (+2 more)");
        assertThat(SubjectLine.of(List.of(billingSlow, cacheBack))).isEqualTo("[FIRING:1] WARNING billing-db slow (+1 more)");
        assertThat(SubjectLine.of(List.of(cacheBack))).isEqualTo("[RESOLVED] cache database-down");
        assertThat(SubjectLine.severity(List.of(billingSlow, cacheBack))).isEqualTo(Severity.WARNING);
    }

    @Test
    void aLineBreakInANameCannotEndTheSubjectHeader() {
        AlertNotice sneaky = notice(5, FIRING, Severity.INFO, "db\r\nBcc: all@x.io", "down", "a@x.io");

        assertThat(SubjectLine.of(List.of(sneaky))).isEqualTo("[FIRING:1] INFO db Bcc: all@x.io down");
    }

    @Test
    void aResolvedEmailAnswersTheFiringOneAndReferencesEveryThread() {
        Map<Long, List<String>> threads = Map.of(3L, List.of("<fire-3>", "<repeat-3>"), 4L, List.of("<fire-4>"), 1L, List.of());

        assertThat(Threading.of(List.of(ordersDown, cacheBack, searchRepeat), threads))
                .isEqualTo(new Threading.Headers("<fire-3>", List.of("<fire-3>", "<repeat-3>", "<fire-4>")));
        assertThat(Threading.of(List.of(ordersDown), threads)).isEqualTo(new Threading.Headers(null, List.of()));
    }
}
