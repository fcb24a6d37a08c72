package io.vigil.alert;

import io.vigil.alert.evaluation.AlertTransition;
import io.vigil.alert.evaluation.RunFacts;
import io.vigil.runs.FailureSummary;
import io.vigil.runs.RecoveredRunObserver;
import io.vigil.runs.RunRecoveries;
import io.vigil.runs.RunRecovery;
import io.vigil.runs.RunWideListener;
import io.vigil.runs.Slot;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Raises a JOB_FAILED alert when a run ends FAILED, mailing the operators and the recipients of the
 * JOB_FAILED rules for that job what failed and the command that restarts it; resolves it when a later
 * run of the job completes. One alert per rule and job, so a job failing every five minutes mails once
 * per repeat interval, not once per run. A run taken over from a lost node is reported by the node that
 * took it over, with what it did with the slot; the lost node, if it was only paused, stays silent.
 */
public class FailedRunAlerts implements RunWideListener, RecoveredRunObserver {

    private static final Logger log = LoggerFactory.getLogger(FailedRunAlerts.class);

    private final DSLContext dsl;
    private final AlertRepository alerts;
    private final AlertApplier applier;
    private final RunRecoveries recoveries;
    private final Clock clock;

    public FailedRunAlerts(DSLContext dsl, AlertRepository alerts, AlertApplier applier, RunRecoveries recoveries,
                           Clock clock) {
        this.dsl = dsl;
        this.alerts = alerts;
        this.applier = applier;
        this.recoveries = recoveries;
        this.clock = clock;
    }

    @Override
    public void afterJob(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status != BatchStatus.FAILED && status != BatchStatus.COMPLETED) {
            return;
        }
        if (status == BatchStatus.FAILED && recoveries.find(execution.getId()).isPresent()) {
            return;
        }
        record(execution, null);
    }

    /** A run recovered after its node was lost ends here, its job's listeners never having run. */
    @Override
    public void runRecovered(JobExecution failed, RunRecovery recovery) {
        record(failed, recovery);
    }

    private void record(JobExecution execution, RunRecovery recovery) {
        // Alerting must never change how the run itself ended.
        try {
            AlertTransitionLog.write(dsl.transactionResult(configuration -> record(configuration.dsl(), execution, recovery)));
        } catch (RuntimeException e) {
            log.error("Could not record the alert for run {} of {}", execution.getId(),
                    execution.getJobInstance().getJobName(), e);
        }
    }

    /** Returns the alerts that fired or resolved. */
    private List<AlertTransition> record(DSLContext tx, JobExecution execution, RunRecovery recovery) {
        String job = execution.getJobInstance().getJobName();
        boolean failed = execution.getStatus() == BatchStatus.FAILED;
        // Most runs complete with nothing to resolve: they need not queue behind an evaluation's lock.
        if (!failed && !alerts.hasActiveRunAlert(tx, job)) {
            return List.of();
        }
        AlertSignal signal = failed ? JobRunSignal.failed(facts(execution, recovery))
                : JobRunSignal.completed(job, execution.getId());
        return applier.apply(tx, signal, clock.instant(), "run:" + execution.getId()).transitions();
    }

    private static RunFacts facts(JobExecution execution, RunRecovery recovery) {
        StepExecution failedStep = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED).findFirst().orElse(null);
        String job = execution.getJobInstance().getJobName();
        String slot = execution.getJobParameters().getString(Slot.PARAMETER);
        String step = failedStep == null ? "-" : failedStep.getStepName();
        if (recovery != null) {
            return new RunFacts(job, execution.getId(), slot, step, "the node running it ("
                    + (recovery.lostNode() == null ? "unknown" : recovery.lostNode())
                    + ") stopped checking in (it died or hung); node " + recovery.recoveredBy() + " marked the run FAILED",
                    recovery.restart() ? "node " + recovery.recoveredBy() + " restarts it at once"
                            + ("-".equals(step) ? "" : ", from step " + step) + ": " + recovery.decision().reason() : "left FAILED: " + recovery.decision().reason(),
                    recovery.restart());
        }
        List<Throwable> failures = failedStep != null && !failedStep.getFailureExceptions().isEmpty()
                ? failedStep.getFailureExceptions() : execution.getAllFailureExceptions();
        String failure = !failures.isEmpty() ? FailureSummary.summarize(failures.getFirst())
                : execution.getExitStatus().getExitCode();
        return new RunFacts(job, execution.getId(), slot, step, failure);
    }
}
