package io.vigil.health.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntervalRatesTest {

    private static final Instant STARTED = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00.250Z");
    private static final Instant T1 = T0.plus(Duration.ofMinutes(5));

    @Test
    void aNormalIntervalHasEachCountersDeltaAndRatePerSecond() {
        Interval interval = IntervalRates.between(
                sample(T0, STARTED, Map.of("blks_hit", 1_000_000L, "blks_read", 2_000L, "xact_commit", 500L)),
                sample(T1, STARTED, Map.of("blks_hit", 1_030_000L, "blks_read", 2_300L, "xact_commit", 3_500L)));

        assertThat(interval.isNewSeries()).isFalse();
        assertThat(interval.since()).isEqualTo(T0);
        assertThat(interval.length()).isEqualTo(Duration.ofMinutes(5));
        assertThat(interval.deltas()).containsExactlyInAnyOrderEntriesOf(
                Map.of("blks_hit", 30_000L, "blks_read", 300L, "xact_commit", 3_000L));
        assertThat(interval.perSecond()).containsEntry("blks_hit", 100.0).containsEntry("blks_read", 1.0)
                .containsEntry("xact_commit", 10.0);
        assertThat(interval.share("blks_hit", "blks_read")).isCloseTo(30_000 / 30_300.0, within(1e-12));
    }

    @Test
    void aBurstOfMissesShowsInTheIntervalThoughTheCumulativeRateHardlyMoves() {
        // The machine's Redis before and after 5,000 GETs of missing keys: 0.46 since start, 0 over the burst.
        Map<String, Long> before = Map.of("keyspace_hits", 230_000L, "keyspace_misses", 265_000L);
        Map<String, Long> after = Map.of("keyspace_hits", 230_000L, "keyspace_misses", 270_000L);

        Interval interval = IntervalRates.between(sample(T0, STARTED, before), sample(T1, STARTED, after));

        assertThat(interval.share("keyspace_hits", "keyspace_misses")).isEqualTo(0.0);
        assertThat(interval.perSecond().get("keyspace_misses")).isCloseTo(5_000 / 300.0, within(1e-9));
    }

    @Test
    void aCounterThatWentBackwardsStartsANewSeriesWithoutAnyRate() {
        // CONFIG RESETSTAT between the two: the counters start again from zero, the server did not restart.
        Interval interval = IntervalRates.between(
                sample(T0, STARTED, Map.of("keyspace_hits", 230_000L, "keyspace_misses", 265_000L)),
                sample(T1, STARTED, Map.of("keyspace_hits", 40L, "keyspace_misses", 265_010L)));

        assertThat(interval.isNewSeries()).isTrue();
        assertThat(interval.deltas()).isEmpty();
        assertThat(interval.perSecond()).isEmpty();
        assertThat(interval.share("keyspace_hits", "keyspace_misses")).isNull();
    }

    @Test
    void aRestartStartsANewSeriesEvenWhenTheCountersGrewPastTheirOldValues() {
        Instant restarted = T1.minus(Duration.ofMinutes(1));

        Interval interval = IntervalRates.between(sample(T0, STARTED, Map.of("blks_hit", 10L, "blks_read", 5L)),
                sample(T1, restarted, Map.of("blks_hit", 900L, "blks_read", 600L)));

        assertThat(interval.isNewSeries()).isTrue();
        assertThat(interval.share("blks_hit", "blks_read")).isNull();
    }

    @Test
    void aStartTimeFromAnUptimeMayMoveByASecondWithoutBeingARestart() {
        Interval interval = IntervalRates.between(sample(T0, STARTED, Map.of("keyspace_hits", 10L)),
                sample(T1, STARTED.plusSeconds(1), Map.of("keyspace_hits", 40L)));

        assertThat(interval.isNewSeries()).isFalse();
        assertThat(interval.deltas()).containsEntry("keyspace_hits", 30L);
    }

    @Test
    void theFirstSnapshotHasNoInterval() {
        Interval interval = IntervalRates.between(null, sample(T1, STARTED, Map.of("keyspace_hits", 10L)));

        assertThat(interval.isNewSeries()).isTrue();
        assertThat(interval.since()).isNull();
        assertThat(interval.perSecond()).isEmpty();
    }

    @Test
    void anIntervalWithoutASingleReadHasNoRatioRatherThanZeroOrOne() {
        Map<String, Long> idle = Map.of("blks_hit", 5_000L, "blks_read", 20L, "Innodb_buffer_pool_reads", 7L,
                "Innodb_buffer_pool_read_requests", 900L);

        Interval interval = IntervalRates.between(sample(T0, STARTED, idle), sample(T1, STARTED, idle));

        assertThat(interval.isNewSeries()).isFalse();
        assertThat(interval.perSecond()).containsEntry("blks_hit", 0.0);
        assertThat(interval.share("blks_hit", "blks_read")).isNull();
        assertThat(interval.complement("Innodb_buffer_pool_reads", "Innodb_buffer_pool_read_requests")).isNull();
    }

    @Test
    void aCounterTheProbeDidNotReadBeforeHasNoRateYetWhileTheOthersDo() {
        Interval interval = IntervalRates.between(sample(T0, STARTED, Map.of("keyspace_hits", 10L)),
                sample(T1, STARTED, Map.of("keyspace_hits", 40L, "total_commands_processed", 9_000L)));

        assertThat(interval.deltas()).containsOnlyKeys("keyspace_hits");
    }

    @Test
    void theBufferPoolHitRateIsOneMinusDiskReadsOverReadRequests() {
        Interval interval = IntervalRates.between(
                sample(T0, STARTED, Map.of("Innodb_buffer_pool_reads", 100L, "Innodb_buffer_pool_read_requests", 10_000L)),
                sample(T1, STARTED, Map.of("Innodb_buffer_pool_reads", 150L, "Innodb_buffer_pool_read_requests", 11_000L)));

        assertThat(interval.complement("Innodb_buffer_pool_reads", "Innodb_buffer_pool_read_requests"))
                .isCloseTo(0.95, within(1e-12));
    }

    @Test
    void aSnapshotNotAfterThePreviousOneHasNoInterval() {
        Map<String, Long> counters = Map.of("keyspace_hits", 10L);

        assertThat(IntervalRates.between(sample(T1, STARTED, counters), sample(T1, STARTED, counters)).isNewSeries())
                .isTrue();
    }

    private static CounterSample sample(Instant takenAt, Instant started, Map<String, Long> counters) {
        return new CounterSample(takenAt, started, counters);
    }
}
