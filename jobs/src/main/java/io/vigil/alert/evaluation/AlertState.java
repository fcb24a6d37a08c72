package io.vigil.alert.evaluation;

public enum AlertState {
    /** The condition holds, but not yet for the rule's {@code for} duration. */
    PENDING,
    FIRING,
    RESOLVED
}
