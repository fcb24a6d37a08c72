package io.vigil.health.status;

import io.vigil.health.probe.DbStats;
import io.vigil.health.probe.ProbeOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns a probe's raw outcome into a status, with the reason when it is not simply UP or DOWN. */
public class HealthStatusClassifier {

    public record Verdict(HealthStatus status, String reason) {
    }

    private final double connectionsRatio;
    private final double memoryRatio;

    /** @param connectionsRatio DEGRADED above this share of max connections; memoryRatio likewise for memory */
    public HealthStatusClassifier(double connectionsRatio, double memoryRatio) {
        this.connectionsRatio = connectionsRatio;
        this.memoryRatio = memoryRatio;
    }

    public Verdict classify(ProbeOutcome outcome, Duration latencySlo) {
        if (!outcome.reachable()) {
            return new Verdict(HealthStatus.DOWN, outcome.errorMessage());
        }
        List<String> reasons = new ArrayList<>();
        if (outcome.latency().compareTo(latencySlo) > 0) {
            reasons.add("latency " + outcome.latency().toMillis() + " ms is above the SLO of " + latencySlo.toMillis() + " ms");
        }
        DbStats stats = outcome.stats();
        if (stats != null) {
            if (above(stats.connectionsUsed(), stats.connectionsMax(), connectionsRatio)) {
                reasons.add(stats.connectionsUsed() + " of " + stats.connectionsMax() + " connections in use (above "
                        + percent(connectionsRatio) + ")");
            }
            if (above(stats.memoryUsedBytes(), stats.memoryMaxBytes(), memoryRatio)) {
                reasons.add("memory " + stats.memoryUsedBytes() + " of " + stats.memoryMaxBytes() + " bytes in use (above "
                        + percent(memoryRatio) + ")");
            }
        }
        return reasons.isEmpty()
                ? new Verdict(HealthStatus.UP, null)
                : new Verdict(HealthStatus.DEGRADED, String.join("; ", reasons));
    }

    private static boolean above(Number used, Number max, double ratio) {
        return used != null && max != null && max.doubleValue() > 0 && used.doubleValue() / max.doubleValue() > ratio;
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }
}
