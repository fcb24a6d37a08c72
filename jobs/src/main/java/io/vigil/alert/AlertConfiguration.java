package io.vigil.alert;

import io.vigil.alert.evaluation.AlertStateMachine;
import io.vigil.alert.notification.AlertMailRenderer;
import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.alert.silence.SilenceRepository;
import io.vigil.alert.silence.Silences;
import io.vigil.mail.Outbox;
import io.vigil.runs.Pruner;
import io.vigil.runs.RunRecoveries;
import io.vigil.runs.SlotSteps;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the alert classes; the decisions are made in plain classes that know nothing of Spring. */
@Configuration(proxyBeanMethods = false)
public class AlertConfiguration {

    /** The evaluation, as the last step of {@code healthCheckJob} (which takes it by this name). */
    public static final String EVALUATION_STEP = "alertEvaluationStep";

    @Bean
    AlertRepository alertRepository(Clock clock) {
        return new AlertRepository(clock);
    }

    @Bean
    AlertRuleSync alertRuleSync(DSLContext dsl, Clock clock, AlertsProperties properties) {
        return new AlertRuleSync(dsl, clock, properties);
    }

    @Bean
    SilenceRepository silenceRepository() {
        return new SilenceRepository();
    }

    @Bean
    Silences silences(DSLContext dsl, Clock clock) {
        return new Silences(dsl, clock);
    }

    @Bean
    AlertQueries alertQueries(DSLContext dsl, SilenceRepository silences, Clock clock) {
        return new AlertQueries(dsl, silences, clock);
    }

    @Bean
    AlertChanges alertChanges(AlertRepository alerts) {
        return new AlertChanges(alerts);
    }

    @Bean
    AlertNotifier alertNotifier(Outbox outbox) {
        return new AlertNotifier(outbox, new AlertThreads(), new AlertMailRenderer());
    }

    /** The one apply path of every alert signal: health history, job runs, and the signals to come. */
    @Bean
    AlertApplier alertApplier(AlertRepository alerts, AlertChanges changes, SilenceRepository silences,
                              AlertNotifier notifier, Clock clock) {
        return new AlertApplier(alerts, changes, silences, notifier, clock);
    }

    @Bean
    AlertEvaluation alertEvaluation(DSLContext dsl, AlertRepository alerts, AlertApplier applier,
                                    AlertsProperties properties, Clock clock) {
        return new AlertEvaluation(dsl, alerts, applier, new HealthHistoryReader(),
                new AlertStateMachine(properties.keepFiringFor()), clock);
    }

    @Bean(EVALUATION_STEP)
    Step alertEvaluationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             AlertEvaluation evaluation) {
        return SlotSteps.once("alerts", jobRepository, transactionManager,
                slot -> evaluation.evaluate(slot.start()).emailsQueued());
    }

    @Bean
    FailedRunAlerts failedRunAlerts(DSLContext dsl, AlertRepository alerts, AlertApplier applier,
                                    RunRecoveries recoveries, Clock clock) {
        return new FailedRunAlerts(dsl, alerts, applier, recoveries, clock);
    }

    /** Resolved alerts, ended silences and old evaluation records; active ones are never pruned. */
    @Bean
    Pruner alertHistoryPruner(DSLContext dsl) {
        return new Pruner("alerts", "pruneAlertHistory", Duration.ofDays(90), new AlertHistoryPruner(dsl)::pruneBefore);
    }
}
