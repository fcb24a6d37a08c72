package io.vigil.health.rates;

import io.vigil.health.probe.HitRatio;
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

    /** Δpart / (Δpart + Δrest), as hits over hits and misses ({@link HitRatio#share}). */
    public Double share(String part, String rest) {
        return HitRatio.share(deltas.get(part), deltas.get(rest));
    }

    /** 1 − Δpart / Δwhole, as reads that missed the cache out of all reads ({@link HitRatio#complement}). */
    public Double complement(String part, String whole) {
        return HitRatio.complement(deltas.get(part), deltas.get(whole));
    }
}
