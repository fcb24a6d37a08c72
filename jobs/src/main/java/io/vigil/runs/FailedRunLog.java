package io.vigil.runs;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Logs a run that ended FAILED in one line: job, slot, run, the failed step and its cause, and the command
 * that shows the rest. Spring Batch's own line for every run is off by default; this is the one that matters.
 */
public class FailedRunLog implements RunWideListener {

    private static final Logger log = LoggerFactory.getLogger(FailedRunLog.class);

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.FAILED) {
            log.warn("{}", line(execution));
        }
    }

    static String line(JobExecution execution) {
        StepExecution failedStep = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED).findFirst().orElse(null);
        String slot = execution.getJobParameters().getString(Slot.PARAMETER);
        return "run " + execution.getId() + " of " + execution.getJobInstance().getJobName()
                + (slot == null ? "" : " for slot " + slot) + " FAILED"
                + (failedStep == null ? "" : " in step " + failedStep.getStepName()) + ": " + cause(execution, failedStep)
                + " (see: vigil jobs show " + execution.getId() + ")";
    }

    /** The cause chain on one line as the failed-run email and vigil jobs show give it, else the exit description's first line. */
    private static String cause(JobExecution execution, StepExecution failedStep) {
        List<Throwable> failures = failedStep != null && !failedStep.getFailureExceptions().isEmpty()
                ? failedStep.getFailureExceptions() : execution.getAllFailureExceptions();
        if (!failures.isEmpty()) {
            return FailureSummary.summarize(failures.getFirst());
        }
        String description = execution.getExitStatus().getExitDescription();
        String firstLine = description == null ? "" : description.lines().findFirst().orElse("").strip();
        return firstLine.isEmpty() ? execution.getExitStatus().getExitCode() : firstLine;
    }
}
