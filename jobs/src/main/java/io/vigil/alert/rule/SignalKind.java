package io.vigil.alert.rule;

/**
 * What decides a rule's alerts: each kind is one {@code AlertSignal} with its own entry point into the one
 * apply path. Between its own decisions, an alert of another kind is held as it is by the periodic health
 * evaluation, so that its repeat reminders still go out.
 */
public enum SignalKind {
    /** The fleet's health history and stats snapshots, judged every health-check slot. */
    HEALTH_HISTORY,
    /** The end of each job run. */
    JOB_RUNS
}
