package io.vigil.retention;

import io.vigil.database.MonthlyPartitions;
import io.vigil.runs.FailureSummary;
import io.vigil.runs.LocalRuns;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code retentionJob}, nightly, for its slot: partitions ahead of time, then the expired raw partitions
 * (each table in a transaction of its own) and old stats snapshots, then old run history, emails sent
 * or failed for good long ago and resolved alerts. Every step decides from the slot, not the wall
 * clock, so a restart decides the same; each is idempotent (a dropped partition is gone, a pruned run
 * is gone).
 */
@Configuration(proxyBeanMethods = false)
public class RetentionJobConfiguration {

    public static final String JOB = "retentionJob";

    @Bean
    Job retentionJob(JobRepository jobRepository, PlatformTransactionManager tm, RetentionProperties properties,
                     MonthlyPartitions partitions, PartitionDropper dropper, RunHistoryPruner pruner,
                     StatsSnapshotPruner statsPruner, SentEmailPruner emailPruner, AlertHistoryPruner alertPruner,
                     LocalRuns localRuns, FailureSummary failureSummary) {
        return new JobBuilder(JOB, jobRepository)
                .listener(localRuns)
                .listener(failureSummary)
                .start(step("partitionsAhead", jobRepository, tm, slot -> {
                    partitions.ensure("event", slot, properties.monthsAhead());
                    partitions.ensure("health_check", slot, properties.monthsAhead());
                    return 0;
                }))
                .next(step("dropHealthChecks", jobRepository, tm,
                        slot -> dropper.dropExpired("health_check", slot, properties.healthChecks()).size()))
                .next(step("dropEvents", jobRepository, tm,
                        slot -> dropper.dropExpired("event", slot, properties.events()).size()))
                .next(step("pruneStatsSnapshots", jobRepository, tm,
                        slot -> statsPruner.pruneBefore(slot.minus(properties.statsSnapshots()))))
                .next(step("pruneRunHistory", jobRepository, tm,
                        slot -> pruner.pruneEndedBefore(slot.minus(properties.batchMetadata()))))
                .next(step("pruneSentEmails", jobRepository, tm,
                        slot -> emailPruner.pruneDoneBefore(slot.minus(properties.emails()))))
                .next(step("pruneAlertHistory", jobRepository, tm,
                        slot -> alertPruner.pruneBefore(slot.minus(properties.alerts()))))
                .build();
    }

    private static Step step(String name, JobRepository jobRepository, PlatformTransactionManager tm,
                             ToIntFunction<Instant> work) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, context) -> {
                    contribution.incrementWriteCount(work.applyAsInt(slot(context)));
                    return RepeatStatus.FINISHED;
                }, tm)
                .build();
    }

    private static Instant slot(ChunkContext context) {
        return Instant.parse((String) context.getStepContext().getJobParameters().get("slot"));
    }
}
