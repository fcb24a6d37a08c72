package io.vigil.runs;

import org.springframework.batch.core.job.JobExecution;

/**
 * Told of a run marked FAILED because its node was lost. Its job's listeners never ran (the node that
 * would have run them is gone), so without this, whoever watches runs end (failed-run alerts) would
 * never hear of the failures that matter most. Called inside the transaction that marks the run FAILED.
 */
public interface RecoveredRunObserver {

    void runRecovered(JobExecution failed, RunRecovery recovery);
}
