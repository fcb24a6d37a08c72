package io.vigil.testing;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the real clock and the environment with ones the test controls. */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

    public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @Bean
    @Primary
    SettableClock settableClock() {
        return new SettableClock(START);
    }

    @Bean
    @Primary
    TestSecrets testSecrets() {
        return new TestSecrets();
    }
}
