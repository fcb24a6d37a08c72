package io.vigil.runs;

import java.time.Instant;
import java.util.List;

/**
 * A node as {@code vigil nodes} shows it. A node that owns running runs but no longer checks in at all
 * (its row is gone) has only its id and its runs.
 *
 * @param runs the ids of the runs it owns that are still marked running
 */
public record NodeStatus(String nodeId, String host, Long pid, Instant startedAt, Instant lastSeen, State state,
                         List<Long> runs) {

    public enum State { ALIVE, STALE, GONE }

    public NodeStatus {
        runs = List.copyOf(runs);
    }
}
