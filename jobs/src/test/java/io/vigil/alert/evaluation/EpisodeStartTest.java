package io.vigil.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.ConditionType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Since" in an email: the first failing check of the episode, to the second it ran. */
class EpisodeStartTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aDownAlertIsSinceTheFirstFailingCheckOfItsEpisodeNotTheSlotItsConditionHeld() {
        var history = history(
                check(-20, "DOWN", 5.0),      // an earlier episode, ended by the UP check after it
                check(-15, "UP", 5.0),
                check(-10, "DOWN", 5.0),      // this episode's first failing check
                check(-5, "SKIPPED", null),   // an open circuit: it neither ends nor extends the episode
                check(0, "DOWN", 5.0),        // three DOWN checks in a row: the condition holds here
                check(5, "DOWN", 5.0));

        assertThat(EpisodeStart.of(ConditionType.DOWN, history, T0.plus(Duration.ofMinutes(0))))
                .isEqualTo(T0.minus(Duration.ofMinutes(10)).plusSeconds(7));
    }

    @Test
    void aLatencyAlertIsSinceTheFirstSlowAnswer() {
        var history = history(
                check(-15, "UP", 100.0),
                check(-10, "DEGRADED", 900.0),
                check(-5, "DOWN", 5000.0),    // a failure, not an answer: the DOWN rule's business
                check(0, "DEGRADED", 800.0));

        assertThat(EpisodeStart.of(ConditionType.LATENCY, history, T0)).isEqualTo(T0.minus(Duration.ofMinutes(10)).plusSeconds(7));
    }

    @Test
    void withoutAFailingCheckOrForAStatsRuleItIsWhenTheConditionHeld() {
        var allUp = history(check(-5, "UP", 5.0), check(0, "UP", 5.0));
        var down = history(check(-5, "DOWN", 5.0), check(0, "DOWN", 5.0));

        assertThat(EpisodeStart.of(ConditionType.AVAILABILITY, allUp, T0)).isEqualTo(T0);
        assertThat(EpisodeStart.of(ConditionType.CONNECTIONS, down, T0)).isEqualTo(T0);
        assertThat(EpisodeStart.of(ConditionType.DOWN, history(), T0)).isEqualTo(T0);
    }

    // Each probe runs seven seconds into its slot, so the test tells the check's time from its slot.
    private static Check check(long minutes, String status, Double latencyMs) {
        Instant slot = T0.plus(Duration.ofMinutes(minutes));
        return new Check(slot, slot.plusSeconds(7), status, latencyMs, status.equals("DOWN") ? "refused" : null);
    }

    private static ConnectionHistory history(Check... checks) {
        return new ConnectionHistory(1, "orders-db", List.of(), Duration.ofMillis(500), List.of(checks), null);
    }
}
