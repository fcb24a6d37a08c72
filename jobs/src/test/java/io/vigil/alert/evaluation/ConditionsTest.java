package io.vigil.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Instant SLOT = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void downCountsProbedChecksOnlySkippedOnesNeitherBreakNorExtendTheRun() {
        AlertRule rule = Rules.down(3, Duration.ZERO);

        assertThat(Conditions.observe(rule, history("DOWN", "DOWN", "SKIPPED", "DOWN", "SKIPPED"), SLOT))
                .isEqualTo(Observation.holds("DOWN for 3 consecutive checks"));
        assertThat(Conditions.observe(rule, history("UP", "DOWN", "DOWN", "SKIPPED"), SLOT))
                .isEqualTo(Observation.clear("DOWN"));
        assertThat(Conditions.observe(rule, history(), SLOT)).isEqualTo(Observation.clear("not checked yet"));
    }

    @Test
    void availabilityIsUpAndDegradedOverProbedChecksInTheWindow() {
        AlertRule rule = Rules.rule(2, "availability", ConditionType.AVAILABILITY, 99, Duration.ZERO, Severity.WARNING);
        // 13 checks: the oldest is outside the hour; of the last 12, one is SKIPPED and 2 of 11 DOWN.
        ConnectionHistory history = history("DOWN", "UP", "DEGRADED", "DOWN", "UP", "UP", "SKIPPED", "UP", "UP", "DOWN",
                "UP", "UP", "UP");

        assertThat(Conditions.observe(rule, history, SLOT))
                .isEqualTo(Observation.holds("availability 81.8% over 1h is below 99.0%"));
    }

    @Test
    void latencyComparesTheP95OverTheWindowWithTheConnectionsSlo() {
        AlertRule rule = Rules.rule(3, "slow", ConditionType.LATENCY, 0, Duration.ZERO, Severity.WARNING);
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            checks.add(new Check(SLOT.minus(Duration.ofMinutes(5L * (11 - i))), "UP", 100.0 * (i + 1), null));
        }
        // p95 of 100..1200 is 1145 (linear interpolation, as percentile_cont).
        ConnectionHistory history = new ConnectionHistory(1, "orders-db", List.of(), Duration.ofMillis(1000), checks, null);

        assertThat(Conditions.observe(rule, history, SLOT))
                .isEqualTo(Observation.holds("p95 latency 1145 ms over 1h is above the SLO of 1000 ms"));
        assertThat(Percentiles.of(List.of(100.0, 200.0, 300.0, 400.0), 0.95)).isEqualTo(385.0);
        List<Check> timingOut = List.of(new Check(SLOT, "DOWN", 5000.0, "timed out"));
        assertThat(Conditions.observe(rule, new ConnectionHistory(1, "orders-db", List.of(), Duration.ofMillis(1000),
                timingOut, null), SLOT)).as("failing slowly is DOWN, not slow").isEqualTo(Observation.clear("no answer in the last 1h"));
    }

    @Test
    void connectionsAndMemoryCompareTheLatestSnapshotWithTheThreshold() {
        AlertRule connections = Rules.rule(4, "connections", ConditionType.CONNECTIONS, 0.9, Duration.ZERO, Severity.WARNING);
        AlertRule memory = Rules.rule(5, "memory", ConditionType.MEMORY, 0.9, Duration.ZERO, Severity.WARNING);
        StatsSample stats = new StatsSample(SLOT, 91, 100, 50L, 100L, null, null, null);
        ConnectionHistory history = new ConnectionHistory(1, "orders-db", List.of(), Duration.ofSeconds(1), List.of(), stats);

        assertThat(Conditions.observe(connections, history, SLOT))
                .isEqualTo(Observation.holds("connections 91 of 100 in use (91.0%), above 90.0%"));
        assertThat(Conditions.observe(memory, history, SLOT))
                .isEqualTo(Observation.clear("memory 50 of 100 in use (50.0%)"));
        ConnectionHistory stale = new ConnectionHistory(1, "orders-db", List.of(), Duration.ofSeconds(1), List.of(),
                new StatsSample(SLOT.minus(Duration.ofHours(2)), 99, 100, null, null, null, null, null));
        assertThat(Conditions.observe(connections, stale, SLOT))
                .isEqualTo(Observation.clear("no connections figures in the last 1h"));
        ConnectionHistory postgres = new ConnectionHistory(1, "orders-db", List.of(), Duration.ofSeconds(1), List.of(),
                new StatsSample(SLOT, 5, 100, null, null, null, null, null));
        assertThat(Conditions.observe(memory, postgres, SLOT))
                .isEqualTo(Observation.clear("the target reports no memory limit"));
    }

    @Test
    void restartedHoldsWhileTheServerStartedWithinTheWindow() {
        // The window of the rule helper is an hour.
        AlertRule rule = Rules.rule(6, "restarted", ConditionType.RESTARTED, 0, Duration.ZERO, Severity.WARNING);
        Instant startedAt = SLOT.minus(Duration.ofMinutes(3));
        assertThat(Conditions.observe(rule, withStart(SLOT, startedAt), SLOT))
                .isEqualTo(Observation.holds("restarted at " + startedAt + ", within the last 1h"));

        Instant longAgo = SLOT.minus(Duration.ofDays(40));
        assertThat(Conditions.observe(rule, withStart(SLOT, longAgo), SLOT))
                .isEqualTo(Observation.clear("up since " + longAgo));
        assertThat(Conditions.observe(rule, withStart(SLOT, null), SLOT))
                .isEqualTo(Observation.clear("the target reports no start time"));
        assertThat(Conditions.observe(rule, withStart(SLOT.minus(Duration.ofHours(2)), startedAt), SLOT))
                .as("a snapshot older than the window says nothing").isEqualTo(Observation.clear("no stats in the last 1h"));
    }

    private static ConnectionHistory withStart(Instant snapshotSlot, Instant startedAt) {
        return new ConnectionHistory(1, "orders-db", List.of(), Duration.ofSeconds(1), List.of(),
                new StatsSample(snapshotSlot, 5, 100, null, null, startedAt, null, null));
    }

    /** Checks every five minutes, the last one at SLOT. */
    private static ConnectionHistory history(String... statuses) {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            Instant slot = SLOT.minus(Duration.ofMinutes(5L * (statuses.length - 1 - i)));
            checks.add(new Check(slot, statuses[i], statuses[i].equals("SKIPPED") ? null : 10.0, null));
        }
        return new ConnectionHistory(1, "orders-db", List.of(), Duration.ofSeconds(1), checks, null);
    }
}
