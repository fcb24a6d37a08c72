package io.vigil.alert;

import io.vigil.alert.evaluation.ActiveAlert;
import io.vigil.alert.evaluation.AlertStateMachine;
import io.vigil.alert.evaluation.Evaluated;
import io.vigil.alert.evaluation.Observation;
import io.vigil.alert.evaluation.RunFacts;
import io.vigil.alert.rule.AlertRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The end of one run of a job, judged by the JOB_FAILED rules for that job: a failed run fires (or keeps
 * firing) their alert, a completed one resolves it.
 *
 * @param run what failed, or null for a run that completed
 */
record JobRunSignal(String job, long executionId, RunFacts run) implements AlertSignal {

    // A run's outcome is a fact, not a measurement that flaps: the first completed run resolves.
    private static final AlertStateMachine RUNS = new AlertStateMachine(Duration.ZERO);

    static JobRunSignal failed(RunFacts run) {
        return new JobRunSignal(run.job(), run.executionId(), run);
    }

    static JobRunSignal completed(String job, long executionId) {
        return new JobRunSignal(job, executionId, null);
    }

    @Override
    public AlertStateMachine machine() {
        return RUNS;
    }

    @Override
    public List<Evaluated> evaluate(DSLContext tx, Map<Long, AlertRule> rules, List<ActiveAlert> active, Instant at) {
        List<Evaluated> verdicts = new ArrayList<>();
        for (AlertRule rule : rules.values()) {
            if (!rule.appliesToJob(job) || !rule.enabled()) {
                continue;
            }
            ActiveAlert current = active.stream().filter(a -> a.ruleId() == rule.id() && a.subject().equals(job))
                    .findFirst().orElse(null);
            if (current == null && run == null) {
                continue;
            }
            Observation observation = run != null
                    ? Observation.holds("run " + run.executionId() + " failed in step " + run.failedStep())
                    : Observation.clear("run " + executionId + " completed");
            verdicts.add(new Evaluated(rule, job, null, observation, run != null ? run : current.run()));
        }
        return verdicts;
    }
}
