package io.vigil.runs;

import java.time.Instant;

/**
 * Decides, per job, whether a run taken from a lost node is restarted. Declared here, where recovery
 * happens, and implemented where the schedules are known: the answer depends on the job's period.
 */
@FunctionalInterface
public interface NodeLossPolicy {

    NodeLossDecision decide(String job, Slot slot, Instant now);
}
