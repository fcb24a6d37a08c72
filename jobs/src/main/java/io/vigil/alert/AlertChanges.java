package io.vigil.alert;

import io.vigil.alert.evaluation.ActiveAlert;
import io.vigil.alert.evaluation.AlertStateMachine;
import io.vigil.alert.evaluation.AlertStatus;
import io.vigil.alert.evaluation.AlertTransition;
import io.vigil.alert.evaluation.ConnectionFacts;
import io.vigil.alert.evaluation.EpisodeStart;
import io.vigil.alert.evaluation.Evaluated;
import io.vigil.alert.notification.AlertNotice;
import io.vigil.alert.rule.AlertRule;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Applies one decision of the state machine to the stored alert, and says which email it is due. A
 * silenced alert, or one whose rule mails nobody, changes state all the same but is due nothing.
 */
public class AlertChanges {

    /**
     * @param notice     the email part for this alert, or null if it mails nobody now
     * @param transition the alert's firing or resolution, to log once the change commits; null if neither
     */
    public record Applied(boolean changed, AlertNotice notice, AlertTransition transition) {
    }

    private final AlertRepository alerts;

    public AlertChanges(AlertRepository alerts) {
        this.alerts = alerts;
    }

    Applied apply(DSLContext tx, AlertStateMachine machine, Evaluated e, ActiveAlert current, Instant now,
                  boolean silenced) {
        AlertRule rule = e.rule();
        AlertStateMachine.Step step = machine.next(rule, current == null ? null : current.status(),
                e.observation().holds(), now);
        AlertStatus after = step.after();
        if (after == null) {
            if (current != null) {
                alerts.delete(tx, current.id());
            }
            return new Applied(step.changed(), null, null);
        }
        boolean mail = step.due() != null && !silenced && !rule.recipients().isEmpty();
        if (mail) {
            after = after.notified(step.due(), now);
        }
        // While it recovers, the alert keeps describing what made it fire.
        String description = current == null || e.observation().holds()
                ? e.observation().description() : current.description();
        long id;
        if (current == null) {
            Long connectionId = e.connection() == null ? null : e.connection().connectionId();
            id = alerts.insert(tx, rule.id(), e.subject(), connectionId, after, description, e.run(), now);
        } else {
            id = current.id();
            alerts.update(tx, id, after, description, e.run(), now);
        }
        AlertTransition transition = AlertTransition.between(rule, e.subject(), current == null ? null : current.status(),
                after, description, silenced).orElse(null);
        if (!mail) {
            return new Applied(step.changed(), null, transition);
        }
        ConnectionFacts facts = e.connection() == null ? null : ConnectionFacts.of(e.connection(), now);
        Instant since = e.connection() == null ? after.since() : EpisodeStart.of(rule.type(), e.connection(), after.since());
        return new Applied(step.changed(), new AlertNotice(id, step.due(), rule.name(), rule.type(), rule.severity(), e.subject(),
                description, since, after.resolvedAt(), rule.recipients(), facts, e.run(), rule.runbook()), transition);
    }
}
