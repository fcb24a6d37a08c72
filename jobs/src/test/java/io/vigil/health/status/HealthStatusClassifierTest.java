package io.vigil.health.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.probe.DbStats;
import io.vigil.health.probe.ProbeOutcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthStatusClassifierTest {

    private final HealthStatusClassifier classifier = new HealthStatusClassifier(0.8, 0.9);
    private final Duration slo = Duration.ofMillis(500);

    @Test
    void anAnswerWithinTheSloIsUp() {
        assertThat(classifier.classify(ProbeOutcome.up(Duration.ofMillis(500), null, Map.of()), slo))
                .isEqualTo(new HealthStatusClassifier.Verdict(HealthStatus.UP, null));
    }

    @Test
    void aSlowAnswerIsDegraded() {
        assertThat(classifier.classify(ProbeOutcome.up(Duration.ofMillis(501), null, Map.of()), slo))
                .isEqualTo(new HealthStatusClassifier.Verdict(HealthStatus.DEGRADED,
                        "latency 501 ms is above the SLO of 500 ms"));
    }

    @Test
    void nearingALimitIsDegradedWithEveryReason() {
        DbStats stats = new DbStats("17", 81, 100, null, null, null, 950L, 1000L, null, null, null, Map.of(), Map.of());

        assertThat(classifier.classify(ProbeOutcome.up(Duration.ofMillis(600), stats, Map.of()), slo))
                .isEqualTo(new HealthStatusClassifier.Verdict(HealthStatus.DEGRADED,
                        "latency 600 ms is above the SLO of 500 ms; 81 of 100 connections in use (above 80%); "
                                + "memory 950 of 1000 bytes in use (above 90%)"));
    }

    @Test
    void exactlyAtTheLimitIsStillUpAndAnUnknownMaximumIsIgnored() {
        DbStats stats = new DbStats("17", 80, 100, null, null, null, 5000L, null, null, null, null, Map.of(), Map.of());

        assertThat(classifier.classify(ProbeOutcome.up(Duration.ofMillis(1), stats, Map.of()), slo).status())
                .isEqualTo(HealthStatus.UP);
    }

    @Test
    void noAnswerIsDownWithTheProbesMessage() {
        ProbeOutcome down = ProbeOutcome.down(Duration.ofMillis(3), "ConnectException", "Connection refused", Map.of());

        assertThat(classifier.classify(down, slo))
                .isEqualTo(new HealthStatusClassifier.Verdict(HealthStatus.DOWN, "Connection refused"));
    }
}
