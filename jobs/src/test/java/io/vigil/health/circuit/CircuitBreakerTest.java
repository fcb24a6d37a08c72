package io.vigil.health.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.health.circuit.CircuitBreaker.Decision;
import io.vigil.health.circuit.CircuitBreaker.QuickResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration QUICK = Duration.ofSeconds(2);

    /** random() = 0.5 means no jitter at all: delays are exact. */
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMinutes(10), Duration.ofHours(1), 0.2, QUICK, () -> 0.5);

    @Test
    void staysClosedBelowTheThreshold() {
        Circuit circuit = Circuit.closed();
        circuit = breaker.afterProbe(circuit, false, T0);
        circuit = breaker.afterProbe(circuit, false, T0.plusSeconds(300));

        assertThat(circuit).isEqualTo(new Circuit(Circuit.State.CLOSED, 2, null, null));
        assertThat(breaker.decide(circuit, T0.plusSeconds(600))).isEqualTo(Decision.PROBE);
    }

    @Test
    void opensAtTheThresholdAndProbesQuicklyUntilTheWaitIsOver() {
        Circuit circuit = failures(3, T0);

        assertThat(circuit).isEqualTo(new Circuit(Circuit.State.OPEN, 3, T0, T0.plus(Duration.ofMinutes(10))));
        assertThat(breaker.decide(circuit, T0.plus(Duration.ofMinutes(9)))).isEqualTo(Decision.PROBE_QUICK);
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
        CircuitBreaker low = new CircuitBreaker(1, Duration.ofMinutes(10), Duration.ofHours(1), 0.2, QUICK, () -> 0.0);
        CircuitBreaker high = new CircuitBreaker(1, Duration.ofMinutes(10), Duration.ofHours(1), 0.2, QUICK, () -> 0.999_999);

        assertThat(low.afterProbe(Circuit.closed(), false, T0).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(8)));
        assertThat(Duration.between(T0, high.afterProbe(Circuit.closed(), false, T0).nextAttemptAt()))
                .isBetween(Duration.ofSeconds(719), Duration.ofMinutes(12));
    }

    @Test
    void aQuickProbeIsBoundedByTheQuickTimeoutButNeverLongerThanTheTargetsOwn() {
        assertThat(breaker.quickTimeout(Duration.ofSeconds(10))).isEqualTo(QUICK);
        assertThat(breaker.quickTimeout(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aQuickProbeIsReadAsAnAnswerAFastFailureOrNothingLearned() {
        assertThat(CircuitBreaker.quickResult(true, Duration.ofMillis(1900), QUICK)).isEqualTo(QuickResult.ANSWERED);
        assertThat(CircuitBreaker.quickResult(false, Duration.ofMillis(3), QUICK)).isEqualTo(QuickResult.FAILED);
        assertThat(CircuitBreaker.quickResult(false, QUICK, QUICK)).isEqualTo(QuickResult.NO_ANSWER);
        assertThat(CircuitBreaker.quickResult(false, Duration.ofMillis(3100), QUICK)).isEqualTo(QuickResult.NO_ANSWER);
    }

    @Test
    void anAnswerToAQuickProbeClosesTheCircuitAtOnceHoweverLongItWasOpen() {
        Circuit longOpen = new Circuit(Circuit.State.OPEN, 40, T0, T0.plus(Duration.ofHours(6)));

        assertThat(breaker.afterQuickProbe(longOpen, QuickResult.ANSWERED)).isEqualTo(Circuit.closed());
    }

    @Test
    void aFailedQuickProbeCountsButLeavesTheNextFullProbeWhereItWas() {
        Circuit open = failures(3, T0);

        assertThat(breaker.afterQuickProbe(open, QuickResult.FAILED))
                .isEqualTo(new Circuit(Circuit.State.OPEN, 4, T0, open.nextAttemptAt()));
        assertThat(breaker.afterQuickProbe(open, QuickResult.NO_ANSWER)).isEqualTo(open);
    }

    @Test
    void aQuickTimeoutOfZeroSkipsOpenCircuitsUntilTheWaitIsOver() {
        CircuitBreaker skipping = new CircuitBreaker(3, Duration.ofMinutes(10), Duration.ofHours(1), 0.2, Duration.ZERO,
                () -> 0.5);
        Circuit open = new Circuit(Circuit.State.OPEN, 3, T0, T0.plus(Duration.ofMinutes(10)));

        assertThat(skipping.decide(open, T0.plus(Duration.ofMinutes(9)))).isEqualTo(Decision.SKIP);
        assertThat(skipping.decide(open, T0.plus(Duration.ofMinutes(10)))).isEqualTo(Decision.PROBE_HALF_OPEN);
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new CircuitBreaker(0, Duration.ofMinutes(1), Duration.ofHours(1), 0.2, QUICK, () -> 0.5))
                .hasMessageContaining("failure-threshold must be at least 1");
        assertThatThrownBy(() -> new CircuitBreaker(3, Duration.ofMinutes(1), Duration.ofHours(1), 1.5, QUICK, () -> 0.5))
                .hasMessageContaining("jitter must be in [0, 1)");
        assertThatThrownBy(() -> new CircuitBreaker(3, Duration.ofMinutes(1), Duration.ofHours(1), 0.2,
                Duration.ofSeconds(-1), () -> 0.5)).hasMessageContaining("quick-probe-timeout must not be negative");
    }

    private Circuit failures(int count, Instant at) {
        Circuit circuit = Circuit.closed();
        for (int i = 0; i < count; i++) {
            circuit = breaker.afterProbe(circuit, false, at);
        }
        return circuit;
    }
}
