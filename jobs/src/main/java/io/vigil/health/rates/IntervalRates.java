package io.vigil.health.rates;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Takes the interval between two snapshots of the same connection. Cumulative counters only make sense
 * within one series: a restart or a stats reset starts them again from zero, so a delta across either
 * would be negative or, worse, small and plausible. Those start a new series without any rate.
 */
public final class IntervalRates {

    /**
     * How far two start times of one run of a server may differ. Redis and MySQL give their start as an
     * uptime in whole seconds, taken from the probe's clock, so it moves by a second or so between probes.
     */
    static final Duration SAME_START = Duration.ofSeconds(2);

    private IntervalRates() {
    }

    /** @param previous the connection's snapshot before this one; null if there is none */
    public static Interval between(CounterSample previous, CounterSample current) {
        if (previous == null || previous.counters().isEmpty() || restarted(previous, current)
                || !current.takenAt().isAfter(previous.takenAt())) {
            return Interval.newSeries();
        }
        Map<String, Long> deltas = new HashMap<>();
        for (var counter : current.counters().entrySet()) {
            Long before = previous.counters().get(counter.getKey());
            if (before == null) {
                continue; // a counter the previous probe did not read has no interval yet
            }
            if (counter.getValue() < before) {
                // A reset (CONFIG RESETSTAT, pg_stat_reset) puts its counters back together: one backwards is enough.
                return Interval.newSeries();
            }
            deltas.put(counter.getKey(), counter.getValue() - before);
        }
        return new Interval(previous.takenAt(), Duration.between(previous.takenAt(), current.takenAt()), deltas);
    }

    private static boolean restarted(CounterSample previous, CounterSample current) {
        if (previous.serverStartedAt() == null || current.serverStartedAt() == null) {
            return false;
        }
        return Duration.between(previous.serverStartedAt(), current.serverStartedAt()).abs().compareTo(SAME_START) > 0;
    }
}
