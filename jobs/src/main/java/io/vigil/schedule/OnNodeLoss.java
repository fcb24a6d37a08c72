package io.vigil.schedule;

/** {@code vigil.schedules.<job>.on-node-loss}: what becomes of a run whose node was lost. */
public enum OnNodeLoss {
    /** A surviving node restarts it at once, from its failed step, while its slot is within the catch-up window. */
    RESTART,
    /** It stays FAILED until an operator restarts it. */
    LEAVE
}
