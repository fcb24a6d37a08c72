package io.vigil.alert.evaluation;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import java.time.Duration;
import java.util.List;

/** Rules for the plain tests. */
final class Rules {

    private Rules() {
    }

    static AlertRule down(int consecutive, Duration pendingFor) {
        return rule(1, "database-down", ConditionType.DOWN, consecutive, pendingFor, Severity.CRITICAL);
    }

    static AlertRule rule(long id, String name, ConditionType type, double threshold, Duration pendingFor,
                          Severity severity) {
        return new AlertRule(id, name, type, threshold, Duration.ofHours(1), pendingFor, severity, List.of(),
                List.of(), List.of(), List.of("dba@example.com"), Duration.ofHours(4), true, true);
    }
}
