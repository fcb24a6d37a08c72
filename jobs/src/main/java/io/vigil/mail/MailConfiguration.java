package io.vigil.mail;

import io.vigil.mail.delivery.EmlDirectoryTransport;
import io.vigil.mail.delivery.MailTransport;
import io.vigil.mail.delivery.MessageBuilder;
import io.vigil.mail.delivery.OutboxDelivery;
import io.vigil.mail.delivery.RetryPolicy;
import io.vigil.mail.delivery.Transactions;
import io.vigil.runs.Pruner;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/** Wires the outbox and its delivery; the domain classes know nothing of Spring. */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    Outbox outbox(Clock clock, MailProperties properties) {
        return new Outbox(clock, properties.messageIdDomain());
    }

    /**
     * SMTP when {@code spring.mail.host} is set (Spring Boot then provides the sender), else .eml files. With
     * SMTP, the start fails unless {@code vigil.mail.from} is set.
     */
    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSenderImpl> smtp, MailProperties properties) {
        JavaMailSenderImpl sender = smtp.getIfAvailable();
        // Boot creates the sender for a host that is set but empty (spring.mail.host: ${SMTP_HOST:}) too.
        if (sender != null && StringUtils.hasText(sender.getHost())) {
            properties.requireFromForSmtp();
            return new SmtpTransport(sender);
        }
        EmlDirectoryTransport eml = new EmlDirectoryTransport(properties.outboxDir());
        log.info("No SMTP server configured (spring.mail.host): emails are written as .eml files to {}", eml.directory());
        return eml;
    }

    @Bean
    OutboxDelivery outboxDelivery(DSLContext dsl, MailTransport transport, MailProperties properties,
                                  PlatformTransactionManager transactionManager, Clock clock) {
        RetryPolicy retries = new RetryPolicy(properties.maxAttempts(), properties.baseDelay(), properties.maxDelay(),
                properties.jitter(), () -> ThreadLocalRandom.current().nextDouble());
        return new OutboxDelivery(new JooqOutboxStore(dsl), new MessageBuilder(properties.fromAddress()), transport,
                retries, newTransactions(transactionManager), clock, properties.batchSize());
    }

    @Bean
    OutboxQueries outboxQueries(DSLContext dsl, Clock clock) {
        return new OutboxQueries(dsl, clock);
    }

    /**
     * A new transaction per email even inside the step's own: a nested one (jOOQ's default under Spring)
     * would be a savepoint, and nothing would commit, nor any row lock be released, until the whole
     * batch ends.
     */
    public static Transactions newTransactions(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new Transactions() {
            @Override
            public <T> T inNewTransaction(Supplier<T> work) {
                return template.execute(status -> work.get());
            }
        };
    }

    /** Emails sent, or failed for good, this long ago; pending ones are never pruned. */
    @Bean
    Pruner sentEmailsPruner(DSLContext dsl) {
        return new Pruner("emails", "pruneSentEmails", Duration.ofDays(30), new SentEmailPruner(dsl)::pruneDoneBefore);
    }
}
