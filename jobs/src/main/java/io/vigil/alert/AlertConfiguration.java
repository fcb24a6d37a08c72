package io.vigil.alert;

import io.vigil.mail.Outbox;
import java.time.Clock;
import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
    AlertRuleSync alertRuleSync(DSLContext dsl, Clock clock) {
        return new AlertRuleSync(dsl, clock);
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

    @Bean
    AlertEvaluation alertEvaluation(DSLContext dsl, AlertRepository alerts, AlertChanges changes,
                                    SilenceRepository silences, AlertNotifier notifier, AlertsProperties properties,
                                    Clock clock) {
        return new AlertEvaluation(dsl, alerts, changes, new HealthHistoryReader(), silences, notifier,
                new AlertStateMachine(properties.keepFiringFor()), clock);
    }

    @Bean(EVALUATION_STEP)
    Step alertEvaluationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             AlertEvaluation evaluation) {
        return new StepBuilder("alerts", jobRepository)
                .tasklet((contribution, context) -> {
                    String slot = (String) context.getStepContext().getJobParameters().get("slot");
                    AlertEvaluation.Report report = evaluation.evaluate(Instant.parse(slot));
                    contribution.incrementWriteCount(report.emailsQueued());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    FailedRunAlerts failedRunAlerts(DSLContext dsl, AlertRepository alerts, AlertChanges changes,
                                    AlertNotifier notifier, Clock clock) {
        return new FailedRunAlerts(dsl, alerts, changes, notifier, clock);
    }

    /**
     * Every job reports its failed runs, without the job packages knowing about alerts: the listener is
     * added to each job once all are built, rather than imported by each job's configuration.
     */
    @Bean
    SmartInitializingSingleton failedRunAlertsOnEveryJob(ObjectProvider<Job> jobs, FailedRunAlerts listener) {
        return () -> jobs.orderedStream().forEach(job -> {
            if (job instanceof AbstractJob abstractJob) {
                abstractJob.registerJobExecutionListener(listener);
            }
        });
    }
}
