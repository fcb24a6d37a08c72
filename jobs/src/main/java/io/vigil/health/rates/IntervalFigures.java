package io.vigil.health.rates;

import io.vigil.health.probe.DbStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot's hit ratios over the interval since the connection's previous snapshot rather than since the
 * server started, so that a burst of misses shows in the next snapshot instead of vanishing into months of
 * hits. The details say which it is: {@link #RATES} (each counter per second, and the interval's seconds)
 * and {@link #RATES_SINCE}. A new series (first snapshot, restart, reset) keeps the probe's since-start figures.
 */
public final class IntervalFigures {

    public static final String RATES = "rates";
    public static final String RATES_SINCE = "ratesSince";
    public static final String INTERVAL_SECONDS = "intervalSeconds";
    public static final String SERVER_START = "server start";

    /** Δpart / (Δpart + Δother), or with {@code complement} 1 − Δpart / Δother. */
    private record Ratio(String part, String other, boolean complement) {

        Double of(Interval interval) {
            return complement ? interval.complement(part, other) : interval.share(part, other);
        }
    }

    // Each figure from the counters each server names for it: PostgreSQL, MySQL/MariaDB, Redis.
    private static final Map<String, List<Ratio>> RATIOS = Map.of(
            "cacheHitRatio", List.of(new Ratio("blks_hit", "blks_read", false),
                    new Ratio("Innodb_buffer_pool_reads", "Innodb_buffer_pool_read_requests", true)),
            "keyspaceHitRate", List.of(new Ratio("keyspace_hits", "keyspace_misses", false)));

    private IntervalFigures() {
    }

    /** {@code current} as stored: unchanged when its probe hands over no counters. */
    public static DbStats apply(DbStats current, Instant takenAt, CounterSample previous) {
        if (current.counters().isEmpty()) {
            return current;
        }
        Interval interval = IntervalRates.between(previous,
                new CounterSample(takenAt, current.serverStartedAt(), current.counters()));
        Map<String, Object> details = new LinkedHashMap<>(current.details() == null ? Map.of() : current.details());
        if (interval.isNewSeries()) {
            details.put(RATES_SINCE, SERVER_START);
            return with(current, current.cacheHitRatio(), current.keyspaceHitRate(), details);
        }
        Map<String, Object> rates = new LinkedHashMap<>(interval.perSecond());
        rates.put(INTERVAL_SECONDS, interval.length().toNanos() / 1e9);
        details.put(RATES, rates);
        details.put(RATES_SINCE, "previous snapshot at " + interval.since());
        return with(current, ratio("cacheHitRatio", interval, current.cacheHitRatio()),
                ratio("keyspaceHitRate", interval, current.keyspaceHitRate()), details);
    }

    /**
     * The interval a stored figure ({@code cacheHitRatio}, {@code keyspaceHitRate}) was taken over, from its
     * snapshot's details; empty when it is the probe's figure since the server started.
     */
    public static Optional<Duration> intervalOf(String field, Map<String, ?> details) {
        if (details == null || !(details.get(RATES) instanceof Map<?, ?> rates)
                || !(rates.get(INTERVAL_SECONDS) instanceof Number seconds)) {
            return Optional.empty();
        }
        return RATIOS.getOrDefault(field, List.of()).stream()
                .anyMatch(r -> rates.containsKey(r.part()) && rates.containsKey(r.other()))
                ? Optional.of(Duration.ofNanos(Math.round(seconds.doubleValue() * 1e9)))
                : Optional.empty();
    }

    // A server that hands over no counters for a figure keeps its since-start one, which intervalOf then tells.
    private static Double ratio(String field, Interval interval, Double sinceStart) {
        for (Ratio ratio : RATIOS.get(field)) {
            if (interval.deltas().containsKey(ratio.part()) && interval.deltas().containsKey(ratio.other())) {
                return ratio.of(interval);
            }
        }
        return sinceStart;
    }

    private static DbStats with(DbStats s, Double cacheHitRatio, Double keyspaceHitRate, Map<String, Object> details) {
        return new DbStats(s.serverVersion(), s.connectionsUsed(), s.connectionsMax(), cacheHitRatio,
                s.databaseSizeBytes(), s.longestTransactionSeconds(), s.memoryUsedBytes(), s.memoryMaxBytes(),
                keyspaceHitRate, s.serverStartedAt(), s.replicationLagSeconds(), s.counters(),
                Collections.unmodifiableMap(details));
    }
}
