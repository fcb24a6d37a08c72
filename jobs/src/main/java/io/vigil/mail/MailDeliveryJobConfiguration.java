package io.vigil.mail;

import io.vigil.runs.FailureSummary;
import io.vigil.runs.LocalRuns;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code mailDeliveryJob}, every minute: sends the due emails of the outbox (write count: emails sent).
 * The slot does not matter to it: each run sends whatever is due when it runs, so a restarted run
 * simply sends what is due then.
 */
@Configuration(proxyBeanMethods = false)
public class MailDeliveryJobConfiguration {

    public static final String JOB = "mailDeliveryJob";

    @Bean
    Job mailDeliveryJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        OutboxDelivery delivery, LocalRuns localRuns, FailureSummary failureSummary) {
        return new JobBuilder(JOB, jobRepository)
                .listener(localRuns)
                .listener(failureSummary)
                .start(new StepBuilder("deliverDueEmails", jobRepository)
                        .tasklet((contribution, context) -> {
                            DeliveryReport report = delivery.deliverDue();
                            contribution.incrementWriteCount(report.sent());
                            return RepeatStatus.FINISHED;
                        }, transactionManager)
                        .build())
                .build();
    }
}
