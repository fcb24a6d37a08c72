package io.vigil.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.Ordered;

/**
 * Keeps a node that was only paused (a long GC, a suspended VM) from writing into a run another node
 * has taken over while it was silent. A step already running is fenced by Spring Batch itself: taking
 * the run over marks its steps FAILED, and the paused node's next commit fails the step execution's
 * version check and rolls back with everything it wrote. A step the paused node would start afterwards
 * has a new execution that no version check protects: this listener refuses it before it does anything.
 * When the run ends, the node says in its log that it lost the run, and leaves it FAILED as the takeover
 * did: Spring Batch writes the node's own view of the run last, and there a step whose commit was refused
 * is UNKNOWN, a status from which Spring Batch never restarts a run.
 */
public class OwnershipFence implements RunWideListener, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(OwnershipFence.class);

    private final RunRecoveries recoveries;
    private final NodeIdentity self;

    public OwnershipFence(RunRecoveries recoveries, NodeIdentity self) {
        this.recoveries = recoveries;
        this.self = self;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public void beforeStep(StepExecution step) {
        recoveries.find(step.getJobExecutionId()).ifPresent(taken -> {
            throw new LostOwnershipException("run " + taken.jobExecutionId() + " of " + taken.jobName()
                    + " was taken over by node " + taken.recoveredBy() + " at " + taken.recoveredAt()
                    + ": step " + step.getStepName() + " is not started on node " + self.nodeId());
        });
    }

    @Override
    public void afterJob(JobExecution execution) {
        recoveries.find(execution.getId()).ifPresent(taken -> lost(execution, taken));
    }

    private void lost(JobExecution execution, RunRecovery taken) {
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), "taken over by node "
                + taken.recoveredBy() + " at " + taken.recoveredAt() + " after node " + self.nodeId()
                + " stopped checking in"));
        log.warn("Node {} lost ownership of run {} of {}: node {} marked it FAILED at {} because this node had stopped "
                        + "checking in (paused, or cut off from the database). What this node did in the run since "
                        + "was refused and rolled back; the slot was {}.", self.nodeId(), execution.getId(),
                taken.jobName(), taken.recoveredBy(), taken.recoveredAt(),
                taken.restart() ? "restarted by node " + taken.recoveredBy() : "left for an operator");
    }

    /** Thrown into a step that a paused node would start in a run it no longer owns. */
    public static class LostOwnershipException extends IllegalStateException {

        public LostOwnershipException(String message) {
            super(message);
        }
    }
}
