package io.vigil.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationLagTest {

    private static final Instant SLOT = Instant.parse("2026-11-23T12:00:00Z");
    /** Lag above 30 seconds; the window of the rule helper is an hour. */
    private static final AlertRule RULE = Rules.rule(7, "lagging", ConditionType.REPLICATION_LAG, 30, Duration.ZERO,
            Severity.WARNING);

    @Test
    void holdsWhileTheLagIsAboveTheThresholdInHumanUnits() {
        assertThat(Conditions.observe(RULE, replica(SLOT, 125.4, null), SLOT))
                .isEqualTo(Observation.holds("replication lag 2m5s, above 30s"));
        assertThat(Conditions.observe(RULE, replica(SLOT, 30.2, null), SLOT))
                .isEqualTo(Observation.holds("replication lag 30.2s, above 30s"));
        assertThat(Conditions.observe(RULE, replica(SLOT, 5400.0, null), SLOT))
                .isEqualTo(Observation.holds("replication lag 1h30m, above 30s"));
    }

    @Test
    void isClearAtOrBelowTheThreshold() {
        assertThat(Conditions.observe(RULE, replica(SLOT, 30.0, null), SLOT))
                .as("at the threshold is not above it").isEqualTo(Observation.clear("replication lag 30s"));
        assertThat(Conditions.observe(RULE, replica(SLOT, 0.4, null), SLOT))
                .isEqualTo(Observation.clear("replication lag 0.4s"));
        assertThat(Conditions.observe(RULE, replica(SLOT, 0.0, null), SLOT))
                .isEqualTo(Observation.clear("replication lag 0s"));
    }

    @Test
    void holdsWhenReplicationStoppedWhateverTheLagWithTheReason() {
        String reason = "Slave_IO_Running: No (error connecting to source)";
        assertThat(Conditions.observe(RULE, replica(SLOT, null, reason), SLOT))
                .isEqualTo(Observation.holds("replication stopped: " + reason));
        assertThat(Conditions.observe(RULE, replica(SLOT, 2.0, "master_link_status: down"), SLOT))
                .as("the last lag seen before the link went down is no reason to stay quiet")
                .isEqualTo(Observation.holds("replication stopped: master_link_status: down"));
    }

    @Test
    void neverHoldsWithoutAFigureOrAFreshSnapshot() {
        assertThat(Conditions.observe(RULE, replica(SLOT, null, null), SLOT))
                .as("not a replica, or the lag is not visible to the role")
                .isEqualTo(Observation.clear("the target reports no replication lag"));
        assertThat(Conditions.observe(RULE, replica(SLOT.minus(Duration.ofHours(2)), 900.0, "link down"), SLOT))
                .as("a snapshot older than the window says nothing about now")
                .isEqualTo(Observation.clear("no stats in the last 1h"));
        assertThat(Conditions.observe(RULE, new ConnectionHistory(1, "orders-db", List.of(), Duration.ofSeconds(1),
                List.of(), null), SLOT)).isEqualTo(Observation.clear("no stats in the last 1h"));
    }

    @Test
    void secondsReadAsPeopleWriteThem() {
        assertThat(ReplicationLag.seconds(9.94)).isEqualTo("9.9s");
        assertThat(ReplicationLag.seconds(59.6)).isEqualTo("59.6s");
        assertThat(ReplicationLag.seconds(59.96)).as("rounds up to a whole minute's worth of seconds").isEqualTo("60s");
        assertThat(ReplicationLag.seconds(60.4)).isEqualTo("1m");
        assertThat(ReplicationLag.seconds(86_400)).isEqualTo("1d");
        assertThat(ReplicationLag.seconds(-3.2)).as("a clock skew shows as one").isEqualTo("-3.2s");
        assertThat(ReplicationLag.seconds(-75)).isEqualTo("-1m15s");
    }

    private static ConnectionHistory replica(Instant snapshotSlot, Double lagSeconds, String stopped) {
        return new ConnectionHistory(1, "orders-db", List.of(), Duration.ofSeconds(1), List.of(),
                new StatsSample(snapshotSlot, 5, 100, null, null, null, lagSeconds, stopped));
    }
}
