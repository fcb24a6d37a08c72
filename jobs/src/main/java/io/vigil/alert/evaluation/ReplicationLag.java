package io.vigil.alert.evaluation;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The REPLICATION_LAG condition, judged on the latest snapshot in the window: the furthest-behind copy of
 * the data is more than {@code threshold} seconds behind, or this replica's replication has stopped.
 */
final class ReplicationLag {

    private ReplicationLag() {
    }

    static Observation observe(AlertRule rule, ConnectionHistory history, Instant slot) {
        StatsSample stats = Conditions.latestStats(history, rule.window(), slot);
        if (stats == null) {
            return Observation.clear("no stats in the last " + Durations.text(rule.window()));
        }
        // A stopped replica's lag is no number (or a stale one): stopped says more than any figure.
        if (stats.replicationStopped() != null) {
            return Observation.holds("replication stopped: " + stats.replicationStopped());
        }
        Double lag = stats.replicationLagSeconds();
        if (lag == null || lag.isNaN()) {
            return Observation.clear("the target reports no replication lag");
        }
        String measured = "replication lag " + seconds(lag);
        return lag > rule.threshold()
                ? Observation.holds(measured + ", above " + seconds(rule.threshold()))
                : Observation.clear(measured);
    }

    /** Seconds as a reader takes them in: 0.4s, 30s, 30.2s, 2m5s, 1h30m. */
    static String seconds(double seconds) {
        // Under a minute the tenth shows, so a lag just above a threshold does not read as equal to it.
        if (Math.abs(seconds) < 60) {
            return String.format(Locale.ROOT, "%.1f", seconds).replaceFirst("\\.0$", "") + "s";
        }
        // Durations.text drops the sign; a lag below zero is a clock skew and should be seen as one.
        String sign = seconds < 0 ? "-" : "";
        return sign + Durations.text(Duration.ofSeconds(Math.round(Math.abs(seconds))));
    }
}
