package io.vigil.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** vigil.mail.* as Spring Boot binds it: defaults, and a startup that fails naming the bad key. */
class MailPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void hasDefaultsForEverything() {
        context.run(started -> {
            MailProperties properties = started.getBean(MailProperties.class);
            assertThat(properties.from()).isEqualTo("Vigil <vigil@localhost>");
            assertThat(properties.outboxDir()).isEqualTo(Path.of("vigil-outbox"));
            assertThat(properties.maxAttempts()).isEqualTo(8);
            assertThat(properties.baseDelay()).isEqualTo(Duration.ofMinutes(1));
            assertThat(properties.maxDelay()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.jitter()).isEqualTo(0.2);
            assertThat(properties.batchSize()).isEqualTo(100);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vigil.mail.from=not an address    | vigil.mail.from must be an email address such as \"Vigil <vigil@example.com>\"",
            "vigil.mail.max-attempts=0         | vigil.mail.max-attempts must be at least 1, was 0 (for example 8)",
            "vigil.mail.base-delay=0s          | vigil.mail.base-delay must be positive, was PT0S (for example 1m)",
            "vigil.mail.max-delay=30s          | vigil.mail.max-delay must be at least base-delay (PT1M), was PT30S (for example 1h)",
            "vigil.mail.jitter=1.5             | vigil.mail.jitter must be in [0, 1), was 1.5 (for example 0.2)",
            "vigil.mail.batch-size=-1          | vigil.mail.batch-size must be at least 1, was -1 (for example 100)",
            "vigil.mail.message-id-domain=a b  | vigil.mail.message-id-domain must be a domain name such as vigil.example.com"
    })
    void aBadValueFailsStartupNamingTheKey(String property, String message) {
        context.withPropertyValues(property).run(started -> {
            assertThat(started).hasFailed();
            Throwable cause = started.getStartupFailure();
            while (cause != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("an IllegalArgumentException in %s", started.getStartupFailure()).isNotNull();
            assertThat(cause.getMessage()).startsWith(message);
        });
    }
}
