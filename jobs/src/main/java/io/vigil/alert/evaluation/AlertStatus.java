package io.vigil.alert.evaluation;

import java.time.Instant;

/**
 * Where an active alert stands.
 *
 * @param since               when its condition started to hold
 * @param conditionFalseSince while FIRING: since when the condition has not held, or null if it holds
 * @param firingNotified      whether an email about its firing went out (to anyone)
 */
public record AlertStatus(AlertState state, Instant since, Instant firedAt, Instant resolvedAt,
                          Instant conditionFalseSince, boolean firingNotified, Instant lastNotifiedAt) {

    static AlertStatus pending(Instant now) {
        return new AlertStatus(AlertState.PENDING, now, null, null, null, false, null);
    }

    AlertStatus firing(Instant now) {
        return new AlertStatus(AlertState.FIRING, since, now, null, null, false, null);
    }

    AlertStatus resolved(Instant now) {
        return new AlertStatus(AlertState.RESOLVED, since, firedAt, now, conditionFalseSince, firingNotified,
                lastNotifiedAt);
    }

    AlertStatus conditionFalseSince(Instant instant) {
        return new AlertStatus(state, since, firedAt, resolvedAt, instant, firingNotified, lastNotifiedAt);
    }

    /** After an email of this kind went out at {@code now}. */
    public AlertStatus notified(NotificationKind kind, Instant now) {
        return new AlertStatus(state, since, firedAt, resolvedAt, conditionFalseSince,
                firingNotified || kind != NotificationKind.RESOLVED, now);
    }
}
