package io.vigil.alert.notification;

import io.vigil.alert.evaluation.ConnectionFacts;
import io.vigil.alert.evaluation.NotificationKind;
import io.vigil.alert.evaluation.RunFacts;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import java.time.Instant;
import java.util.List;

/**
 * One alert's part of an email: what changed, and everything the email says about it.
 *
 * @param type       what the rule watches: a LATENCY alert is shown by its latency, the others by availability
 * @param connection facts about the connection, for health rules; null otherwise
 * @param run        the failed run, for JOB_FAILED; null otherwise
 * @param runbook    the rule's runbook URL, validated as http(s); null if it has none
 */
public record AlertNotice(long alertId, NotificationKind kind, String ruleName, ConditionType type, Severity severity,
                          String subject, String description, Instant since, Instant resolvedAt,
                          List<String> recipients, ConnectionFacts connection, RunFacts run, String runbook) {

    public AlertNotice {
        recipients = List.copyOf(recipients);
    }

    public boolean firing() {
        return kind != NotificationKind.RESOLVED;
    }

    public List<String> commands() {
        if (run != null) {
            return kind == NotificationKind.RESOLVED ? List.of("vigil jobs list --job " + run.job())
                    : run.restarting() ? Commands.forRestartedRun(run.job(), run.executionId())
                    : Commands.forRun(run.executionId());
        }
        if (connection == null) {
            return List.of("vigil alerts list");
        }
        // Silencing what has resolved would only hide its next outage.
        return firing() ? Commands.forConnection(subject) : Commands.forResolvedConnection(subject);
    }
}
