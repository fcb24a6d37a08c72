package io.vigil.alert.evaluation;

public enum NotificationKind {
    /** The first email about a firing alert. */
    FIRING,
    /** Still firing, the repeat interval after the last email. */
    REPEAT,
    RESOLVED
}
