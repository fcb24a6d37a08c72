package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ROLLUP_WATERMARK;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.EventData;
import io.vigil.testing.Launches;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A rollup that fails part-way, in either step, and is restarted ends where a clean run ends. */
@VigilSpringTest
@TestPropertySource(properties = "vigil.rollup.max-ids-per-transaction=500")
class RollupRestartTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant SLOT = Instant.parse("2026-11-23T10:05:00Z");

    @Autowired SlotLauncher launcher;
    @Autowired JobOperator jobOperator;
    @Autowired JobRepository jobRepository;
    @Autowired DSLContext dsl;

    @Test
    void aRunFailedPartWayAndRestartedEqualsACleanRun() throws Exception {
        EventData data = new EventData(dsl, 7);
        data.insertEvents(1700, NOW, Duration.ofDays(2));
        data.insertStep().values(NOW.minus(Duration.ofHours(5)), "poison", "t", null, null, null,
                JSONB.valueOf("{}")).execute();
        data.insertEvents(1300, NOW, Duration.ofDays(2));
        data.checks(data.connections(2), NOW.minus(Duration.ofHours(12)), NOW);

        // The fourth window (ids 1501-2000) holds the poison event, which the rollup table refuses.
        dsl.execute("ALTER TABLE vigil.event_rollup_hourly ADD CONSTRAINT no_poison CHECK (source <> 'poison')");
        JobExecution failed = Launches.started(launcher.launch(RollupJobConfiguration.JOB, Slot.of(SLOT), "test"));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(watermark("event_hourly")).as("three windows committed before the failure").isEqualTo(1500L);

        // Events fixed; now the health step fails.
        dsl.execute("ALTER TABLE vigil.event_rollup_hourly DROP CONSTRAINT no_poison");
        dsl.execute("ALTER TABLE vigil.health_rollup_hourly RENAME TO health_rollup_hourly_away");
        JobExecution failedAgain = jobOperator.restart(jobRepository.getJobExecution(failed.getId()));
        assertThat(failedAgain.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failedAgain.getStepExecutions()).extracting(s -> s.getStepName() + " " + s.getStatus())
                .containsExactly("foldEvents COMPLETED", "foldHealth FAILED");
        assertThat(watermark("event_hourly")).isEqualTo(3001L);

        dsl.execute("ALTER TABLE vigil.health_rollup_hourly_away RENAME TO health_rollup_hourly");
        JobExecution completed = jobOperator.restart(jobRepository.getJobExecution(failedAgain.getId()));
        assertThat(completed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String restartedEvents = data.eventsByHourRollup();
        String restartedHealth = data.healthByHourRollup();

        // A clean run over the same rows, from empty rollups.
        dsl.execute("TRUNCATE vigil.event_rollup_hourly, vigil.health_rollup_hourly, vigil.daily_rollup_pending");
        dsl.execute("UPDATE vigil.rollup_watermark SET folded_through = 0");
        dsl.execute("INSERT INTO vigil.health_check_change (connection_id, slot) SELECT connection_id, slot FROM vigil.health_check");
        JobExecution clean = ((SlotLauncher.Started) launcher.launch(RollupJobConfiguration.JOB,
                Slot.of(SLOT.plus(Duration.ofMinutes(5))), "test")).execution();
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(restartedEvents).contains(",poison,").isEqualTo(data.eventsByHourRollup());
        assertThat(restartedHealth).isNotEmpty().isEqualTo(data.healthByHourRollup());
        assertThat(restartedEvents).isEqualTo(data.eventsByHourDirect());
    }

    private long watermark(String rollup) {
        return dsl.select(ROLLUP_WATERMARK.FOLDED_THROUGH).from(ROLLUP_WATERMARK)
                .where(ROLLUP_WATERMARK.ROLLUP.eq(rollup)).fetchOne(ROLLUP_WATERMARK.FOLDED_THROUGH);
    }
}
