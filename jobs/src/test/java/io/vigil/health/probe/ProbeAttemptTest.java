package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeAttemptTest {

    @Test
    void convertsTheTimeoutForDriversThatCountInSecondsRoundingUp() {
        assertThat(attempt(Duration.ofMillis(500)).timeoutSeconds()).isEqualTo(1);
        assertThat(attempt(Duration.ofMillis(1500)).timeoutSeconds()).isEqualTo(2);
        assertThat(attempt(Duration.ofSeconds(3)).timeoutSeconds()).isEqualTo(3);
        assertThat(attempt(Duration.ofMillis(500)).timeoutMillis()).isEqualTo(500);
        assertThat(attempt(Duration.ofNanos(10)).timeoutMillis()).isEqualTo(1);
    }

    @Test
    void missingOrNonPositiveTimeoutFallsBackToFiveSecondsRatherThanNoTimeoutAtAll() {
        assertThat(attempt(null).timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(attempt(Duration.ZERO).timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(attempt(Duration.ofSeconds(-1)).timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void downCarriesTheSqlStateAndAScrubbedMessage() {
        ProbeTarget target = new ProbeTarget("db", Provider.POSTGRESQL, "h:1/d", "u", "hunter2", Duration.ofSeconds(1));

        ProbeOutcome outcome = new ProbeAttempt(target).down(new SQLException("bad password hunter2", "28P01"));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isEqualTo("SQLException");
        assertThat(outcome.errorMessage()).isEqualTo("bad password ***");
        assertThat(outcome.details()).isEqualTo(Map.of("sqlState", "28P01"));
        assertThat(outcome.latency()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void interruptedProbeKeepsTheInterruptFlag() {
        try {
            ProbeOutcome outcome = attempt(Duration.ofSeconds(1)).down(new InterruptedException("cancelled"));

            assertThat(outcome.errorClass()).isEqualTo("InterruptedException");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static ProbeAttempt attempt(Duration timeout) {
        return new ProbeAttempt(new ProbeTarget("t", Provider.HTTP, "http://h/", null, null, timeout));
    }
}
