package io.vigil.health.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.health.probe.DbStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntervalFiguresTest {

    private static final Instant STARTED = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofMinutes(5));
    // Counters of the machine's Redis as two probes five minutes apart read them, with 5,000 misses between.
    private static final Map<String, Long> BEFORE = Map.of("keyspace_hits", 230_000L, "keyspace_misses", 265_000L,
            "total_commands_processed", 1_200_000L);
    private static final Map<String, Long> AFTER = Map.of("keyspace_hits", 230_003L, "keyspace_misses", 270_000L,
            "total_commands_processed", 1_205_300L);

    @Test
    void withAPreviousSnapshotOfTheSameRunTheHitRateIsOverTheInterval() {
        DbStats stored = IntervalFigures.apply(redis(AFTER, STARTED, 0.46), T1, new CounterSample(T0, STARTED, BEFORE));

        assertThat(stored.keyspaceHitRate()).isCloseTo(3 / 5_003.0, within(1e-12));
        assertThat(stored.details()).containsEntry("ratesSince", "previous snapshot at 2026-12-03T10:00:00Z")
                .containsEntry("role", "master");
        @SuppressWarnings("unchecked")
        Map<String, Object> rates = (Map<String, Object>) stored.details().get("rates");
        assertThat(rates).containsEntry("intervalSeconds", 300.0)
                .containsEntry("total_commands_processed", 5_300 / 300.0).containsKey("keyspace_misses");
        assertThat(IntervalFigures.intervalOf("keyspaceHitRate", stored.details())).contains(Duration.ofMinutes(5));
        assertThat(IntervalFigures.intervalOf("cacheHitRatio", stored.details())).isEmpty();
        assertThat(stored.counters()).isEqualTo(AFTER);
    }

    @Test
    void theFirstSnapshotKeepsTheProbesFigureSinceStart() {
        DbStats stored = IntervalFigures.apply(redis(AFTER, STARTED, 0.46), T1, null);

        assertThat(stored.keyspaceHitRate()).isEqualTo(0.46);
        assertThat(stored.details()).containsEntry("ratesSince", "server start").doesNotContainKey("rates");
        assertThat(IntervalFigures.intervalOf("keyspaceHitRate", stored.details())).isEmpty();
    }

    @Test
    void afterARestartOrAStatsResetNoRateCrossesIntoTheNewSeries() {
        Map<String, Long> reset = Map.of("keyspace_hits", 12L, "keyspace_misses", 30L, "total_commands_processed", 80L);

        DbStats afterReset = IntervalFigures.apply(redis(reset, STARTED, 12 / 42.0), T1, new CounterSample(T0, STARTED, BEFORE));
        DbStats afterRestart = IntervalFigures.apply(redis(AFTER, T1.minusSeconds(30), 0.46), T1,
                new CounterSample(T0, STARTED, BEFORE));

        for (DbStats stored : new DbStats[] {afterReset, afterRestart}) {
            assertThat(stored.details()).containsEntry("ratesSince", "server start").doesNotContainKey("rates");
        }
        assertThat(afterReset.keyspaceHitRate()).isEqualTo(12 / 42.0);
        assertThat(afterRestart.keyspaceHitRate()).isEqualTo(0.46);
    }

    @Test
    void anIntervalWithoutLookupsHasNoHitRate() {
        DbStats stored = IntervalFigures.apply(redis(BEFORE, STARTED, 0.46), T1, new CounterSample(T0, STARTED, BEFORE));

        assertThat(stored.keyspaceHitRate()).isNull();
        assertThat(stored.details()).containsEntry("ratesSince", "previous snapshot at 2026-12-03T10:00:00Z");
        assertThat(IntervalFigures.intervalOf("keyspaceHitRate", stored.details())).contains(Duration.ofMinutes(5));
    }

    @Test
    void theCacheHitRatioOfPostgresqlAndMysqlIsOverTheInterval() {
        DbStats postgres = IntervalFigures.apply(cache(Map.of("blks_hit", 1_990L, "blks_read", 110L)), T1,
                new CounterSample(T0, STARTED, Map.of("blks_hit", 1_000L, "blks_read", 100L)));
        DbStats mysql = IntervalFigures.apply(cache(Map.of("Innodb_buffer_pool_reads", 40L,
                        "Innodb_buffer_pool_read_requests", 1_000L)), T1,
                new CounterSample(T0, STARTED, Map.of("Innodb_buffer_pool_reads", 20L,
                        "Innodb_buffer_pool_read_requests", 600L)));

        assertThat(postgres.cacheHitRatio()).isCloseTo(0.99, within(1e-12));
        assertThat(mysql.cacheHitRatio()).isCloseTo(0.95, within(1e-12));
        assertThat(IntervalFigures.intervalOf("cacheHitRatio", mysql.details())).contains(Duration.ofMinutes(5));
    }

    @Test
    void aSnapshotWithoutCountersIsStoredAsTheProbeMadeIt() {
        DbStats probed = cache(Map.of());

        assertThat(IntervalFigures.apply(probed, T1, new CounterSample(T0, STARTED, BEFORE))).isSameAs(probed);
    }

    private static DbStats redis(Map<String, Long> counters, Instant started, double sinceStart) {
        return new DbStats("7.0.15", 3, 10_000, null, null, null, 1_000_000L, null, sinceStart, started, null,
                counters, Map.of("role", "master"));
    }

    private static DbStats cache(Map<String, Long> counters) {
        return new DbStats("17.2", 3, 100, 0.5, null, null, null, null, null, STARTED, null, counters, Map.of());
    }
}
