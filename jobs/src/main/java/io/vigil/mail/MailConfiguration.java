package io.vigil.mail;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    @Bean
    Outbox outbox(Clock clock, MailProperties properties) {
        return new Outbox(clock, properties.messageIdDomain());
    }
}
