package io.vigil.schedule;

/** What a schedule does when its firing time passed while no node could run it. */
public enum MisfirePolicy {
    /** Run once as soon as possible, for the slot in progress. */
    FIRE_NOW,
    /** Skip the missed firings and wait for the next one. */
    SKIP
}
