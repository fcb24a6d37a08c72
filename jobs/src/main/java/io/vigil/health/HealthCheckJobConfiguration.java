package io.vigil.health;

import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import io.vigil.health.circuit.CircuitBreaker;
import io.vigil.health.fleet.FleetRepository;
import io.vigil.health.probe.ProbeFanOut;
import io.vigil.runs.DefaultSchedule;
import io.vigil.runs.Slot;
import io.vigil.runs.SlotSteps;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code healthCheckJob}: make sure this month's and next month's partitions exist, probe every enabled
 * connection once for the slot and write the results, then evaluate the alert rules on them.
 */
@Configuration(proxyBeanMethods = false)
public class HealthCheckJobConfiguration {

    public static final String JOB = "healthCheckJob";
    /** The alert package's evaluation step, taken by name so that health does not depend on alerts. */
    static final String ALERT_EVALUATION_STEP = "alertEvaluationStep";

    /** Every five minutes. */
    @Bean
    DefaultSchedule healthCheckSchedule() {
        return new DefaultSchedule(JOB, "0 */5 * * * ?");
    }

    @Bean
    Job healthCheckJob(JobRepository jobRepository, Step healthCheckPartitionsStep, Step healthCheckProbeStep,
                       @Qualifier(ALERT_EVALUATION_STEP) Step alertEvaluationStep) {
        return new JobBuilder(JOB, jobRepository)
                .start(healthCheckPartitionsStep)
                .next(healthCheckProbeStep)
                .next(alertEvaluationStep)
                .build();
    }

    @Bean
    Step healthCheckPartitionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   MonthlyPartitions partitions) {
        return SlotSteps.once("partitions", jobRepository, transactionManager, slot -> {
            partitions.ensure(PartitionedTable.HEALTH_CHECK, slot.start(), 1);
            return 0;
        });
    }

    @Bean
    Step healthCheckProbeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              ProbeReader probeReader, HealthCheckProcessor healthCheckProcessor,
                              HealthCheckWriter healthCheckWriter, HealthProperties properties) {
        return new StepBuilder("probe", jobRepository)
                .<ProbedConnection, HealthCheckResult>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(probeReader)
                .processor(healthCheckProcessor)
                .writer(healthCheckWriter)
                .build();
    }

    @Bean
    @StepScope
    ProbeReader probeReader(FleetRepository fleet, CircuitRepository circuits, CircuitBreaker breaker,
                            ProbeTargets targets, ProbeFanOut fanOut, Clock clock,
                            @Value("#{stepExecution}") StepExecution step) {
        return new ProbeReader(fleet, circuits, breaker, targets, fanOut, clock, Slot.of(step).start());
    }

    @Bean
    LimitedVisibilityLog limitedVisibilityLog() {
        return new LimitedVisibilityLog();
    }

    @Bean
    @StepScope
    HealthCheckWriter healthCheckWriter(DSLContext dsl, CircuitRepository circuits, PreviousStatuses previousStatuses,
                                        PreviousSnapshots previousSnapshots, LimitedVisibilityLog visibility, Clock clock,
                                        @Value("#{stepExecution}") StepExecution step) {
        return new HealthCheckWriter(dsl, circuits, previousStatuses, previousSnapshots, visibility, clock, Slot.of(step).start(),
                step.getJobExecutionId());
    }
}
