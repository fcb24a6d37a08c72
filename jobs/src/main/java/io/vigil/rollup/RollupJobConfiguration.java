package io.vigil.rollup;

import io.vigil.runs.DefaultSchedule;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code rollupJob}, every five minutes: fold newly arrived events, then changed health checks, into the
 * hourly rollups. Each step is restartable: it resumes at its watermark.
 */
@Configuration(proxyBeanMethods = false)
public class RollupJobConfiguration {

    public static final String JOB = "rollupJob";

    /** Every five minutes. */
    @Bean
    DefaultSchedule rollupSchedule() {
        return new DefaultSchedule(JOB, "0 */5 * * * ?");
    }

    @Bean
    Job rollupJob(JobRepository jobRepository, Step foldEventsStep, Step foldHealthStep) {
        return new JobBuilder(JOB, jobRepository)
                .start(foldEventsStep)
                .next(foldHealthStep)
                .build();
    }

    @Bean
    Step foldEventsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        EventHourlyFold fold, RollupHorizon horizon, Watermarks watermarks, RollupProperties properties) {
        return foldStep("foldEvents", jobRepository, transactionManager,
                new FoldTasklet(fold, horizon, watermarks, properties.maxIdsPerTransaction()));
    }

    @Bean
    Step foldHealthStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        HealthHourlyFold fold, RollupHorizon horizon, Watermarks watermarks, RollupProperties properties) {
        return foldStep("foldHealth", jobRepository, transactionManager,
                new FoldTasklet(fold, horizon, watermarks, properties.maxIdsPerTransaction()));
    }

    private static Step foldStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 FoldTasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
