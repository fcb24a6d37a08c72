package io.vigil.health.rates;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a server's counters did between two snapshots of one series, or nothing when a new series began
 * (first snapshot, restart, counters reset): then there is no interval to take a rate or ratio over.
 *
 * @param since  when the previous snapshot was taken; null for a new series
 * @param length from the previous snapshot to this one; null for a new series
 * @param deltas per counter both snapshots have, how far it moved (never negative)
 */
public record Interval(Instant since, Duration length, Map<String, Long> deltas) {

    public Interval {
        deltas = Collections.unmodifiableMap(new TreeMap<>(deltas));
    }

    static Interval newSeries() {
        return new Interval(null, null, Map.of());
    }

    public boolean isNewSeries() {
        return since == null;
    }

    /** Each counter's average per second over the interval; empty for a new series. */
    public Map<String, Double> perSecond() {
        Map<String, Double> rates = new LinkedHashMap<>();
        if (!isNewSeries()) {
            double seconds = length.toNanos() / 1e9;
            deltas.forEach((counter, delta) -> rates.put(counter, delta / seconds));
        }
        return rates;
    }

    /**
     * Δpart / (Δpart + Δrest), as hits over hits and misses. Null when either counter is missing or neither
     * moved: an interval without a single lookup has no hit rate, not 0 and not 1.
     */
    public Double share(String part, String rest) {
        Long p = deltas.get(part);
        Long r = deltas.get(rest);
        return p == null || r == null || p + r == 0 ? null : p / (double) (p + r);
    }

    /** 1 − Δpart / Δwhole, as reads that missed the cache out of all reads; null when either is missing or Δwhole is 0. */
    public Double complement(String part, String whole) {
        Long p = deltas.get(part);
        Long w = deltas.get(whole);
        // A server counting more misses than reads would make a negative rate: no ratio rather than a wrong one.
        return p == null || w == null || w == 0 || p > w ? null : 1 - p / (double) w;
    }
}
