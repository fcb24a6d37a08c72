package io.vigil.alert.evaluation;

/**
 * The failed run a JOB_FAILED alert is about: what the email says and the command that restarts it.
 *
 * @param recovery   for a run taken over from a lost node: what was done with its slot; null otherwise
 * @param restarting whether the node that took it over is restarting it (no operator's restart needed)
 */
public record RunFacts(String job, long executionId, String slot, String failedStep, String failure, String recovery,
                       boolean restarting) {

    public RunFacts(String job, long executionId, String slot, String failedStep, String failure) {
        this(job, executionId, slot, failedStep, failure, null, false);
    }
}
