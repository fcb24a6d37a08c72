package io.vigil.alert.evaluation;

import io.vigil.alert.rule.AlertRule;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves one alert through PENDING, FIRING and RESOLVED, as Prometheus does: a condition must hold for the
 * rule's {@code for} duration before it fires (a pending alert whose condition stops holding is dropped
 * unseen), and a firing alert resolves only once its condition has not held for {@code keepFiringFor}.
 * That second rule is the damping: a target that flaps stays one firing alert, not a mail per flap.
 */
public final class AlertStateMachine {

    /**
     * @param after the alert's status now; null when there is no alert (never was, or its pending was dropped)
     * @param due   the email the alert is due, before silences and recipients are considered; null if none
     */
    public record Step(AlertStatus after, NotificationKind due, boolean changed) {
    }

    private final Duration keepFiringFor;

    public AlertStateMachine(Duration keepFiringFor) {
        this.keepFiringFor = keepFiringFor;
    }

    /** @param current the active alert's status, or null if there is none */
    public Step next(AlertRule rule, AlertStatus current, boolean holds, Instant now) {
        if (current == null || current.state() == AlertState.RESOLVED) {
            return holds ? pendingOrFiring(rule, AlertStatus.pending(now), now) : new Step(null, null, false);
        }
        if (current.state() == AlertState.PENDING) {
            return holds ? pendingOrFiring(rule, current, now) : new Step(null, null, true);
        }
        if (holds) {
            AlertStatus after = current.conditionFalseSince(null);
            return new Step(after, dueWhileFiring(rule, after, now), current.conditionFalseSince() != null);
        }
        Instant falseSince = current.conditionFalseSince() == null ? now : current.conditionFalseSince();
        if (!now.isBefore(falseSince.plus(keepFiringFor))) {
            AlertStatus after = current.conditionFalseSince(falseSince).resolved(now);
            boolean mail = rule.sendResolved() && current.firingNotified();
            return new Step(after, mail ? NotificationKind.RESOLVED : null, true);
        }
        AlertStatus after = current.conditionFalseSince(falseSince);
        return new Step(after, dueWhileFiring(rule, after, now), current.conditionFalseSince() == null);
    }

    private static Step pendingOrFiring(AlertRule rule, AlertStatus pending, Instant now) {
        boolean isNew = pending.since().equals(now);
        if (now.isBefore(pending.since().plus(rule.pendingFor()))) {
            return new Step(pending, null, isNew);
        }
        return new Step(pending.firing(now), NotificationKind.FIRING, true);
    }

    // A firing alert nobody heard of yet (it fired while silenced) is announced as soon as it may be.
    private static NotificationKind dueWhileFiring(AlertRule rule, AlertStatus firing, Instant now) {
        if (!firing.firingNotified()) {
            return NotificationKind.FIRING;
        }
        return now.isBefore(firing.lastNotifiedAt().plus(rule.repeatInterval())) ? null : NotificationKind.REPEAT;
    }
}
