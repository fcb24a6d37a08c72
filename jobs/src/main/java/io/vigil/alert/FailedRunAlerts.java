package io.vigil.alert;

import io.vigil.alert.evaluation.ActiveAlert;
import io.vigil.alert.evaluation.AlertStateMachine;
import io.vigil.alert.evaluation.Evaluated;
import io.vigil.alert.evaluation.Observation;
import io.vigil.alert.evaluation.RunFacts;
import io.vigil.alert.notification.AlertNotice;
import io.vigil.alert.rule.AlertRule;
import io.vigil.runs.FailureSummary;
import io.vigil.runs.RunEndObserver;
import io.vigil.runs.RunWideListener;
import io.vigil.runs.Slot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * per repeat interval, not once per run.
 */
public class FailedRunAlerts implements RunWideListener, RunEndObserver {

    private static final Logger log = LoggerFactory.getLogger(FailedRunAlerts.class);
    /** Where Spring Batch's {@code JobOperator.recover} marks the runs it failed. */
    private static final String RECOVERED = "batch.recovered";
    // A run's outcome is a fact, not a measurement that flaps: the first completed run resolves.
    private static final AlertStateMachine RUNS = new AlertStateMachine(Duration.ZERO);

    private final DSLContext dsl;
    private final AlertRepository alerts;
    private final AlertChanges changes;
    private final AlertNotifier notifier;
    private final Clock clock;

    public FailedRunAlerts(DSLContext dsl, AlertRepository alerts, AlertChanges changes, AlertNotifier notifier,
                           Clock clock) {
        this.dsl = dsl;
        this.alerts = alerts;
        this.changes = changes;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public void afterJob(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status != BatchStatus.FAILED && status != BatchStatus.COMPLETED) {
            return;
        }
        // Alerting must never change how the run itself ended.
        try {
            dsl.transaction(configuration -> record(configuration.dsl(), execution));
        } catch (RuntimeException e) {
            log.error("Could not record the alert for run {} of {}", execution.getId(),
                    execution.getJobInstance().getJobName(), e);
        }
    }

    /** A run recovered after its node died ends here, its job's listeners never having run. */
    @Override
    public void runEnded(JobExecution execution) {
        afterJob(execution);
    }

    private void record(DSLContext tx, JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        boolean failed = execution.getStatus() == BatchStatus.FAILED;
        // Most runs complete with nothing to resolve: they need not queue behind an evaluation's lock.
        if (!failed && !alerts.hasActiveRunAlert(tx, job)) {
            return;
        }
        RunFacts run = failed ? facts(execution) : null;
        Instant now = clock.instant();
        alerts.lockForChanges(tx);
        List<ActiveAlert> active = alerts.active(tx);
        List<AlertNotice> notices = new ArrayList<>();
        for (AlertRule rule : alerts.rules(tx).values()) {
            if (!rule.appliesToJob(job) || !rule.enabled()) {
                continue;
            }
            ActiveAlert current = active.stream().filter(a -> a.ruleId() == rule.id() && a.subject().equals(job))
                    .findFirst().orElse(null);
            if (current == null && !failed) {
                continue;
            }
            Observation observation = failed
                    ? Observation.holds("run " + run.executionId() + " failed in step " + run.failedStep())
                    : Observation.clear("run " + execution.getId() + " completed");
            Evaluated e = new Evaluated(rule, job, null, observation, failed ? run : current.run());
            AlertChanges.Applied applied = changes.apply(tx, RUNS, e, current, now, false);
            if (applied.notice() != null) {
                notices.add(applied.notice());
            }
        }
        notifier.send(tx, "run:" + execution.getId(), notices);
    }

    private static RunFacts facts(JobExecution execution) {
        StepExecution failedStep = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED).findFirst().orElse(null);
        List<Throwable> failures = failedStep != null && !failedStep.getFailureExceptions().isEmpty()
                ? failedStep.getFailureExceptions() : execution.getAllFailureExceptions();
        String failure = !failures.isEmpty() ? FailureSummary.summarize(failures.getFirst())
                : execution.getExecutionContext().containsKey(RECOVERED)
                ? "the node running it stopped checking in (it died or hung); the run was marked FAILED"
                : execution.getExitStatus().getExitCode();
        return new RunFacts(execution.getJobInstance().getJobName(), execution.getId(),
                execution.getJobParameters().getString(Slot.PARAMETER), failedStep == null ? "-" : failedStep.getStepName(),
                failure);
    }
}
