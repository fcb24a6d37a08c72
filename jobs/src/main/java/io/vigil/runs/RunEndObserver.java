package io.vigil.runs;

import org.springframework.batch.core.job.JobExecution;

/**
 * Told that a run ended although its job's listeners never ran: a run recovered after the node
 * running it died. Without this, whoever watches runs end (failed-run alerts) would never hear of the
 * failures that matter most.
 */
public interface RunEndObserver {

    void runEnded(JobExecution execution);
}
