package io.vigil.alert.evaluation;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Decides whether a health rule's condition holds for one connection at a slot. */
public final class Conditions {

    private Conditions() {
    }

    public static Observation observe(AlertRule rule, ConnectionHistory history, Instant slot) {
        return switch (rule.type()) {
            case DOWN -> down((int) rule.threshold(), history);
            case AVAILABILITY -> availability(rule, history, slot);
            case LATENCY -> latency(rule, history, slot);
            case CONNECTIONS -> usage("connections", rule, history, slot, true);
            case MEMORY -> usage("memory", rule, history, slot, false);
            case RESTARTED -> restarted(rule, history, slot);
            case REPLICATION_LAG -> ReplicationLag.observe(rule, history, slot);
            case JOB_FAILED -> throw new IllegalArgumentException("JOB_FAILED is decided by the runs, not the checks");
        };
    }

    // SKIPPED checks (an open circuit) neither break nor extend a run of DOWN checks: nothing was learnt.
    private static Observation down(int consecutive, ConnectionHistory history) {
        List<Check> probed = history.checks().stream().filter(Check::probed).toList();
        List<Check> last = probed.subList(Math.max(0, probed.size() - consecutive), probed.size());
        if (last.size() == consecutive && last.stream().noneMatch(Check::available)) {
            return Observation.holds("DOWN for " + consecutive + " consecutive check" + (consecutive == 1 ? "" : "s"));
        }
        Check latest = probed.isEmpty() ? null : probed.getLast();
        return Observation.clear(latest == null ? "not checked yet" : latest.status());
    }

    private static Observation availability(AlertRule rule, ConnectionHistory history, Instant slot) {
        List<Check> probed = history.within(rule.window(), slot).stream().filter(Check::probed).toList();
        if (probed.isEmpty()) {
            return Observation.clear("no checks in the last " + Durations.text(rule.window()));
        }
        double percent = 100.0 * probed.stream().filter(Check::available).count() / probed.size();
        String measured = "availability " + percent(percent) + " over " + Durations.text(rule.window());
        return percent < rule.threshold()
                ? Observation.holds(measured + " is below " + percent(rule.threshold()))
                : Observation.clear(measured);
    }

    // Answers only: a DOWN check's latency is how long it took to fail, and a target that is down is the
    // DOWN and AVAILABILITY rules' business, not a second alert about its speed.
    private static Observation latency(AlertRule rule, ConnectionHistory history, Instant slot) {
        List<Double> latencies = history.within(rule.window(), slot).stream()
                .filter(Check::available).map(Check::latencyMs).filter(l -> l != null).toList();
        Double p95 = Percentiles.of(latencies, 0.95);
        if (p95 == null) {
            return Observation.clear("no answer in the last " + Durations.text(rule.window()));
        }
        long slo = history.latencySlo().toMillis();
        String measured = "p95 latency " + Math.round(p95) + " ms over " + Durations.text(rule.window());
        return p95 > slo
                ? Observation.holds(measured + " is above the SLO of " + slo + " ms")
                : Observation.clear(measured);
    }

    private static Observation usage(String what, AlertRule rule, ConnectionHistory history, Instant slot,
                                     boolean connections) {
        StatsSample stats = latestStats(history, rule.window(), slot);
        if (stats == null) {
            return Observation.clear("no " + what + " figures in the last " + Durations.text(rule.window()));
        }
        // Not a ternary: Integer and Long operands would be unboxed, and an unknown figure is null.
        Number used = stats.memoryUsedBytes();
        Number max = stats.memoryMaxBytes();
        if (connections) {
            used = stats.connectionsUsed();
            max = stats.connectionsMax();
        }
        if (used == null || max == null || max.doubleValue() <= 0) {
            return Observation.clear("the target reports no " + what + " limit");
        }
        double ratio = used.doubleValue() / max.doubleValue();
        String measured = what + " " + used + " of " + max + " in use (" + percent(100 * ratio) + ")";
        return ratio > rule.threshold()
                ? Observation.holds(measured + ", above " + percent(100 * rule.threshold()))
                : Observation.clear(measured);
    }

    // Judged on the latest snapshot in the window: a restart is seen by the first probe after it, however
    // short the outage was (a crash and restart between two probes leaves no DOWN check behind).
    private static Observation restarted(AlertRule rule, ConnectionHistory history, Instant slot) {
        StatsSample stats = latestStats(history, rule.window(), slot);
        if (stats == null) {
            return Observation.clear("no stats in the last " + Durations.text(rule.window()));
        }
        Instant started = stats.serverStartedAt();
        if (started == null) {
            return Observation.clear("the target reports no start time");
        }
        return started.isAfter(slot.minus(rule.window()))
                ? Observation.holds("restarted at " + started + ", within the last " + Durations.text(rule.window()))
                : Observation.clear("up since " + started);
    }

    /** The latest snapshot if it was taken in (slot − window, slot]; an older one says nothing about now. */
    static StatsSample latestStats(ConnectionHistory history, Duration window, Instant slot) {
        StatsSample stats = history.latestStats();
        return stats == null || !stats.slot().isAfter(slot.minus(window)) || stats.slot().isAfter(slot) ? null : stats;
    }

    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
