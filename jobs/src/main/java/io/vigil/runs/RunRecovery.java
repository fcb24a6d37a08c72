package io.vigil.runs;

import java.time.Instant;

/**
 * A run marked FAILED because the node running it was lost (or by an operator's {@code vigil jobs
 * recover}): which node lost it, which node took it over, and what was done with its slot.
 *
 * @param lostNode the node that owned the run, or null when it died before recording itself
 */
public record RunRecovery(long jobExecutionId, String jobName, String lostNode, String recoveredBy,
                          Instant recoveredAt, NodeLossDecision decision) {

    public boolean restart() {
        return decision.restart();
    }
}
