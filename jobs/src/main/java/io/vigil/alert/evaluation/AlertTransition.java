package io.vigil.alert.evaluation;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.Severity;
import java.util.Optional;

/**
 * An alert that fired or resolved in an evaluation: the one log line it gets. Pending alerts, repeats and
 * alerts that keep firing are no change; a silenced alert still fires, and the line says it mailed nobody.
 *
 * @param description what the rule observed, as its emails say it
 */
public record AlertTransition(boolean fired, String rule, String subject, Severity severity, String description,
                              boolean silenced) {

    /**
     * @param before the alert's status before the evaluation, or null if it had none
     * @param after  its status after, or null if it has none (a pending alert dropped)
     */
    public static Optional<AlertTransition> between(AlertRule rule, String subject, AlertStatus before,
                                                    AlertStatus after, String description, boolean silenced) {
        if (after == null) {
            return Optional.empty();
        }
        boolean wasFiring = before != null && before.state() == AlertState.FIRING;
        if (after.state() == AlertState.FIRING && !wasFiring) {
            return Optional.of(new AlertTransition(true, rule.name(), subject, rule.severity(), description, silenced));
        }
        if (after.state() == AlertState.RESOLVED && wasFiring) {
            return Optional.of(new AlertTransition(false, rule.name(), subject, rule.severity(), description, silenced));
        }
        return Optional.empty();
    }

    public String line() {
        StringBuilder line = new StringBuilder("alert ").append(rule).append(fired ? " FIRING" : " RESOLVED")
                .append(" for ").append(subject).append(" (").append(severity).append(')');
        if (fired && description != null && !description.isBlank()) {
            line.append(": ").append(description.replaceAll("\\s+", " ").strip());
        }
        if (fired && silenced) {
            line.append("; silenced, so no email");
        }
        return line.append(" (see: vigil alerts list)").toString();
    }
}
