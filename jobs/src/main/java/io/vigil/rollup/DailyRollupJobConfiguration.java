package io.vigil.rollup;

import io.vigil.runs.DefaultSchedule;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code dailyRollupJob}, nightly: the daily rollups of every day whose hours changed (up to a month
 * of days per transaction), then a refresh of each materialised view in a transaction of its own.
 */
@Configuration(proxyBeanMethods = false)
public class DailyRollupJobConfiguration {

    public static final String JOB = "dailyRollupJob";

    /** A month's backlog in one pass over its raw rows, yet a bounded transaction. */
    static final int DAYS_PER_TRANSACTION = 31;

    /** Nightly at 00:15 UTC, once the day's last slots are in. */
    @Bean
    DefaultSchedule dailyRollupSchedule() {
        return new DefaultSchedule(JOB, "0 15 0 * * ?");
    }

    @Bean
    Job dailyRollupJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       DailyRollup daily, MaterializedViews views) {
        var job = new JobBuilder(JOB, jobRepository)
                .start(dailyStep("dailyEvents", DailyRollup.EVENTS, daily::events, daily, jobRepository, transactionManager))
                .next(dailyStep("dailyHealth", DailyRollup.HEALTH, daily::health, daily, jobRepository, transactionManager));
        for (String view : MaterializedViews.VIEWS) {
            job = job.next(new StepBuilder("refresh_" + view, jobRepository)
                    .tasklet((contribution, context) -> {
                        views.refresh(view);
                        return RepeatStatus.FINISHED;
                    }, transactionManager)
                    .build());
        }
        return job.build();
    }

    private static Step dailyStep(String name, String rollup, Consumer<List<LocalDate>> recompute, DailyRollup daily,
                                  JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, context) -> {
                    List<LocalDate> days = daily.nextPending(rollup, DAYS_PER_TRANSACTION);
                    if (days.isEmpty()) {
                        return RepeatStatus.FINISHED;
                    }
                    recompute.accept(days);
                    contribution.incrementWriteCount(days.size());
                    return RepeatStatus.CONTINUABLE;
                }, transactionManager)
                .build();
    }
}
