package io.vigil.alert.notification;

import io.vigil.alert.evaluation.NotificationKind;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import java.time.Instant;
import java.util.List;

/** Notices for the plain tests. */
final class Notices {

    static final Instant SINCE = Instant.parse("2026-11-23T10:05:00Z");

    private Notices() {
    }

    static AlertNotice notice(long id, NotificationKind kind, Severity severity, String subject, String rule,
                              String... recipients) {
        return new AlertNotice(id, kind, rule, ConditionType.DOWN, severity, subject, "DOWN for 2 consecutive checks", SINCE,
                kind == NotificationKind.RESOLVED ? SINCE.plusSeconds(3600) : null, List.of(recipients), null, null, null);
    }
}
