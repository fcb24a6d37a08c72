package io.vigil.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an operator needs to see why a run failed and whether to restart it.
 *
 * @param recovery how the run was taken over from a lost node, or null
 */
public record RunDetail(RunSummary summary, Map<String, String> parameters, String exitMessage, String ownerNode,
                        RunRecovery recovery, List<Step> steps) {

    /** @param failure the failed step's cause chain on one line (see {@link FailureSummary}), or null */
    public record Step(String name, String status, long readCount, long writeCount, long filterCount,
                       long skipCount, long commitCount, long rollbackCount, Instant startTime,
                       Instant endTime, String exitCode, String exitMessage, String failure) {
    }
}
