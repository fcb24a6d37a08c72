package io.vigil.mail;

import io.vigil.mail.delivery.OutboxDelivery;
import io.vigil.runs.DefaultSchedule;
import io.vigil.runs.SlotSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
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

    /** Every minute: an alert is mailed within a minute of firing. */
    @Bean
    DefaultSchedule mailDeliverySchedule() {
        return new DefaultSchedule(JOB, "0 * * * * ?");
    }

    @Bean
    Job mailDeliveryJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        OutboxDelivery delivery) {
        return new JobBuilder(JOB, jobRepository)
                .start(SlotSteps.once("deliverDueEmails", jobRepository, transactionManager,
                        slot -> delivery.deliverDue().sent()))
                .build();
    }
}
