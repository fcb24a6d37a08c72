package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.probe.DbStats;
import io.vigil.health.rates.CounterSample;
import io.vigil.health.rates.IntervalFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hit ratios as fleet test and fleet show print them, from snapshots as the writer stores them. */
class StatsLinesTest {

    private static final Instant STARTED = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:01Z");
    private static final Instant T1 = T0.plus(Duration.ofMinutes(5));

    @Test
    void aHitRateOverAnIntervalSaysWhichAndAFirstOneSaysSinceStart() {
        DbStats first = IntervalFigures.apply(redis(Map.of("keyspace_hits", 900L, "keyspace_misses", 100L)), T0, null);
        DbStats next = IntervalFigures.apply(redis(Map.of("keyspace_hits", 930L, "keyspace_misses", 10_100L)), T1,
                new CounterSample(T0, STARTED, first.counters()));

        assertThat(StatsLines.of(first)).containsEntry("keyspace hit rate", "90.0% (since start)")
                .doesNotContainKeys("counter rates", "ratesSince");
        assertThat(StatsLines.of(next)).containsEntry("keyspace hit rate", "0.3% over the last 5 min")
                .containsEntry("counter rates", "keyspace_hits 0.1/s, keyspace_misses 33.33/s over the last 5 min");
    }

    @Test
    void anIntervalWithoutReadsSaysSoInsteadOfAPercentage() {
        Map<String, Long> idle = Map.of("keyspace_hits", 900L, "keyspace_misses", 100L);

        DbStats stored = IntervalFigures.apply(redis(idle), T1, new CounterSample(T0, STARTED, idle));

        assertThat(StatsLines.of(stored)).containsEntry("keyspace hit rate", "no reads over the last 5 min");
    }

    @Test
    void aSlowLogTheUserMayNotReadSaysWhatToAllow() {
        DbStats stats = new DbStats("7.0.15", null, null, null, null, null, null, null, null, null, null, Map.of(),
                Map.of(DbStats.NOT_VISIBLE, Map.of("slowlogLength", "not visible to this user: allow SLOWLOG (+slowlog|len)")));

        assertThat(StatsLines.of(stats))
                .containsEntry("slow log length", "not visible to this user: allow SLOWLOG (+slowlog|len)");
    }

    private static DbStats redis(Map<String, Long> counters) {
        long hits = counters.get("keyspace_hits");
        double sinceStart = hits / (double) (hits + counters.get("keyspace_misses"));
        return new DbStats("7.0.15", 3, 10_000, null, null, null, 1_000_000L, null, sinceStart, STARTED, null,
                counters, Map.of("role", "master"));
    }
}
