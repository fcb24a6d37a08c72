package io.vigil.functional;

import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.db.jooq.tables.records.DbStatsSnapshotRecord;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two health-check slots against the machine's Redis with a burst of misses between them: the second
 * snapshot's keyspace hit rate is over those five minutes, where the cumulative one hides the burst.
 */
@VigilSpringTest
class IntervalHitRateTest {

    private static final Instant SLOT = Instant.parse("2026-11-23T10:00:00Z");
    private static final int BURST = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired SlotLauncher launcher;
    @Autowired FleetSync fleetSync;
    @Autowired DSLContext dsl;
    @Autowired SettableClock clock;

    private final String prefix = "vigil:interval-test:" + UUID.randomUUID() + ":";

    @Test
    void aBurstOfMissesShowsInTheNextSnapshotsHitRateAndAResetStartsANewSeries() {
        fleetSync.sync(List.of(new ConnectionDeclaration("redis", "redis", "127.0.0.1:6379", null, null,
                Duration.ofSeconds(5), Duration.ofSeconds(3), List.of("test"), true)));
        try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
            // Enough hits first that the cumulative rate stays above one half after the burst, whatever
            // this shared server counted before.
            Map<String, Long> counters = counters(jedis);
            hits(jedis, Math.max(0, counters.get("keyspace_misses") - counters.get("keyspace_hits")) + 2 * BURST);

            DbStatsSnapshotRecord first = check(SLOT);
            misses(jedis, BURST);
            DbStatsSnapshotRecord second = check(SLOT.plus(Duration.ofMinutes(5)));

            Map<String, Object> firstDetails = details(first);
            assertThat(firstDetails).containsEntry("ratesSince", "server start").doesNotContainKey("rates");
            assertThat(first.getKeyspaceHitRate()).isEqualTo(cumulative(first)).isGreaterThan(0.5);

            Map<String, Object> secondDetails = details(second);
            assertThat(secondDetails).containsEntry("ratesSince", "previous snapshot at " + first.getTakenAt());
            assertThat(cumulative(second)).isGreaterThan(0.5);
            assertThat(second.getKeyspaceHitRate()).isLessThan(0.05);
            Map<?, ?> rates = (Map<?, ?>) secondDetails.get("rates");
            assertThat(((Number) rates.get("intervalSeconds")).doubleValue()).isEqualTo(300.0);
            assertThat(((Number) rates.get("keyspace_misses")).doubleValue()).isGreaterThanOrEqualTo(BURST / 300.0);

            // As if CONFIG RESETSTAT had run since: the stored counters are above what the server now says.
            Map<String, Long> inflated = new HashMap<>(counters(second));
            inflated.replaceAll((name, value) -> value + 1_000_000_000L);
            dsl.update(DB_STATS_SNAPSHOT)
                    .set(DB_STATS_SNAPSHOT.COUNTERS, JSONB.valueOf(JSON.writeValueAsString(inflated)))
                    .where(DB_STATS_SNAPSHOT.CONNECTION_ID.eq(second.getConnectionId()),
                            DB_STATS_SNAPSHOT.SLOT.eq(second.getSlot()))
                    .execute();
            DbStatsSnapshotRecord afterReset = check(SLOT.plus(Duration.ofMinutes(10)));

            assertThat(details(afterReset)).containsEntry("ratesSince", "server start").doesNotContainKey("rates");
            assertThat(afterReset.getKeyspaceHitRate()).isEqualTo(cumulative(afterReset));
        } finally {
            try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
                jedis.del(prefix + "present");
            }
        }
    }

    private DbStatsSnapshotRecord check(Instant slot) {
        clock.set(slot.plusSeconds(1));
        Launches.completed(launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "test"));
        return dsl.selectFrom(DB_STATS_SNAPSHOT).where(DB_STATS_SNAPSHOT.SLOT.eq(slot)).fetchSingle();
    }

    private void hits(Jedis jedis, long count) {
        jedis.set(prefix + "present", "x");
        Pipeline pipeline = jedis.pipelined();
        for (long i = 0; i < count; i++) {
            pipeline.get(prefix + "present");
        }
        pipeline.sync();
    }

    private void misses(Jedis jedis, int count) {
        Pipeline pipeline = jedis.pipelined();
        for (int i = 0; i < count; i++) {
            pipeline.get(prefix + "missing-" + i);
        }
        pipeline.sync();
    }

    private static Map<String, Long> counters(Jedis jedis) {
        Map<String, Long> counters = new HashMap<>();
        for (String line : jedis.info("stats").split("\r\n")) {
            String[] field = line.split(":", 2);
            if (field[0].equals("keyspace_hits") || field[0].equals("keyspace_misses")) {
                counters.put(field[0], Long.valueOf(field[1].strip()));
            }
        }
        return counters;
    }

    private static Map<String, Long> counters(DbStatsSnapshotRecord snapshot) {
        return JSON.readValue(snapshot.getCounters().data(), new TypeReference<>() { });
    }

    /** The hit rate since the server started, as the snapshot's own counters give it. */
    private static double cumulative(DbStatsSnapshotRecord snapshot) {
        Map<String, Long> counters = counters(snapshot);
        return counters.get("keyspace_hits") / (double) (counters.get("keyspace_hits") + counters.get("keyspace_misses"));
    }

    private static Map<String, Object> details(DbStatsSnapshotRecord snapshot) {
        return JSON.readValue(snapshot.getDetails().data(), new TypeReference<>() { });
    }
}
