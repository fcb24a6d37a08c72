package io.vigil.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.mail.delivery.EmlDirectoryTransport;
import io.vigil.mail.delivery.MailTransport;
import java.nio.file.Path;
import java.time.Clock;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** With an SMTP server, Vigil does not start until it is told which address to send from. */
class SmtpFromTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailProperties.class)
    static class Binding {
    }

    @TempDir
    Path outbox;

    private ApplicationContextRunner context() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withUserConfiguration(Binding.class, MailConfiguration.class)
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(DSLContext.class, () -> DSL.using(SQLDialect.POSTGRES))
                .withBean(PlatformTransactionManager.class, ResourcelessTransactionManager::new)
                .withPropertyValues("vigil.mail.outbox-dir=" + outbox);
    }

    @Test
    void smtpWithTheDefaultFromFailsTheStartNamingThePropertyAndAnExample() {
        context().withPropertyValues("spring.mail.host=smtp.example.com").run(started -> {
            assertThat(started).hasFailed();
            Throwable root = started.getStartupFailure();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(IllegalStateException.class).hasMessage("vigil.mail.from must be set when an "
                    + "SMTP server is configured (spring.mail.host): an address mail servers accept from you, for example "
                    + "vigil.mail.from: \"Vigil <vigil@example.com>\"");
            assertThat(root.getMessage()).doesNotContain("\n");
        });
        context().withPropertyValues("spring.mail.host=smtp.example.com", "vigil.mail.from=vigil@localhost")
                .run(started -> assertThat(started).as("the default, only written out").hasFailed());
    }

    @Test
    void smtpWithAFromOfItsOwnStarts() {
        context().withPropertyValues("spring.mail.host=smtp.example.com", "vigil.mail.from=Vigil <vigil@example.com>")
                .run(started -> assertThat(started).hasNotFailed().getBean(MailTransport.class).isInstanceOf(SmtpTransport.class));
    }

    @Test
    void withoutSmtpTheDefaultFromIsEnoughForEmlFiles() {
        context().run(started -> assertThat(started).hasNotFailed().getBean(MailTransport.class)
                .isInstanceOf(EmlDirectoryTransport.class));
        context().withPropertyValues("spring.mail.host=").run(started -> assertThat(started).hasNotFailed()
                .getBean(MailTransport.class).isInstanceOf(EmlDirectoryTransport.class));
    }
}
