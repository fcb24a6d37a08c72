package io.vigil.runs;

/**
 * Rows a job family declares in configuration (connections, alert rules, ...) brought into their table
 * when the daemon starts. Only the daemon syncs: a one-off command run without the configuration must
 * not disable every row it does not know about.
 */
public interface DeclaredSync {

    /** What is synced, for the start-up log: "fleet connections", "alert rules". */
    String name();

    /** Lower runs first: rows that others name (connections) go before those that name them (rules). */
    int order();

    SyncReport sync();
}
