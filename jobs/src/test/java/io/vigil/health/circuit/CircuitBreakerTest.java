package io.vigil.health.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.health.circuit.CircuitBreaker.Decision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** random() = 0.5 means no jitter at all: delays are exact. */
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMinutes(10), Duration.ofHours(1), 0.2, () -> 0.5);

    @Test
    void staysClosedBelowTheThreshold() {
        Circuit circuit = Circuit.closed();
        circuit = breaker.afterProbe(circuit, false, T0);
        circuit = breaker.afterProbe(circuit, false, T0.plusSeconds(300));

        assertThat(circuit).isEqualTo(new Circuit(Circuit.State.CLOSED, 2, null, null));
        assertThat(breaker.decide(circuit, T0.plusSeconds(600))).isEqualTo(Decision.PROBE);
    }

    @Test
    void opensAtTheThresholdAndSkipsUntilTheWaitIsOver() {
        Circuit circuit = failures(3, T0);

        assertThat(circuit).isEqualTo(new Circuit(Circuit.State.OPEN, 3, T0, T0.plus(Duration.ofMinutes(10))));
        assertThat(breaker.decide(circuit, T0.plus(Duration.ofMinutes(9)))).isEqualTo(Decision.SKIP);
        assertThat(breaker.decide(circuit, T0.plus(Duration.ofMinutes(10)))).isEqualTo(Decision.PROBE_HALF_OPEN);
    }

    @Test
    void eachFailedHalfOpenProbeDoublesTheWaitUpToTheCap() {
        Circuit circuit = failures(3, T0);
        Instant t = T0;
        Duration[] expected = {Duration.ofMinutes(20), Duration.ofMinutes(40), Duration.ofHours(1), Duration.ofHours(1)};
        for (Duration wait : expected) {
            t = circuit.nextAttemptAt();
            circuit = breaker.afterProbe(circuit, false, t);
            assertThat(circuit.nextAttemptAt()).isEqualTo(t.plus(wait));
            assertThat(circuit.openedAt()).isEqualTo(T0);
        }
    }

    @Test
    void aSuccessfulHalfOpenProbeClosesTheCircuit() {
        Circuit open = failures(3, T0);

        assertThat(breaker.afterProbe(open, true, open.nextAttemptAt())).isEqualTo(Circuit.closed());
    }

    @Test
    void jitterSpreadsTheWaitBothWays() {
        CircuitBreaker low = new CircuitBreaker(1, Duration.ofMinutes(10), Duration.ofHours(1), 0.2, () -> 0.0);
        CircuitBreaker high = new CircuitBreaker(1, Duration.ofMinutes(10), Duration.ofHours(1), 0.2, () -> 0.999_999);

        assertThat(low.afterProbe(Circuit.closed(), false, T0).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(8)));
        assertThat(Duration.between(T0, high.afterProbe(Circuit.closed(), false, T0).nextAttemptAt()))
                .isBetween(Duration.ofSeconds(719), Duration.ofMinutes(12));
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new CircuitBreaker(0, Duration.ofMinutes(1), Duration.ofHours(1), 0.2, () -> 0.5))
                .hasMessageContaining("failure-threshold must be at least 1");
        assertThatThrownBy(() -> new CircuitBreaker(3, Duration.ofMinutes(1), Duration.ofHours(1), 1.5, () -> 0.5))
                .hasMessageContaining("jitter must be in [0, 1)");
    }

    private Circuit failures(int count, Instant at) {
        Circuit circuit = Circuit.closed();
        for (int i = 0; i < count; i++) {
            circuit = breaker.afterProbe(circuit, false, at);
        }
        return circuit;
    }
}
