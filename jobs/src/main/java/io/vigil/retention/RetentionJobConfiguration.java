package io.vigil.retention;

import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import io.vigil.runs.DefaultSchedule;
import io.vigil.runs.Pruner;
import io.vigil.runs.SlotSteps;
import java.time.Duration;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code retentionJob}, nightly, for its slot: the monthly partitions ahead of time, then one step per
 * {@link Pruner} that the job families contribute, each in a transaction of its own. Every step decides
 * from the slot, not the wall clock, so a restart decides the same; each is idempotent (a dropped
 * partition is gone, a pruned run is gone).
 */
@Configuration(proxyBeanMethods = false)
public class RetentionJobConfiguration {

    public static final String JOB = "retentionJob";

    /** Nightly at 00:45 UTC, after the daily rollup. */
    @Bean
    DefaultSchedule retentionSchedule() {
        return new DefaultSchedule(JOB, "0 45 0 * * ?");
    }

    @Bean
    Job retentionJob(JobRepository jobRepository, PlatformTransactionManager tm, RetentionProperties properties,
                     MonthlyPartitions partitions, List<Pruner> pruners) {
        properties.check(pruners);
        int monthsAhead = properties.monthsAhead();
        SimpleJobBuilder job = new JobBuilder(JOB, jobRepository)
                .start(SlotSteps.once("partitionsAhead", jobRepository, tm, slot -> {
                    for (PartitionedTable table : PartitionedTable.values()) {
                        partitions.ensure(table, slot.start(), monthsAhead);
                    }
                    return 0;
                }));
        for (Pruner pruner : pruners) {
            Duration keep = properties.of(pruner);
            job = job.next(SlotSteps.once(pruner.step(), jobRepository, tm,
                    slot -> pruner.action().pruneBefore(slot.start().minus(keep))));
        }
        return job.build();
    }
}
