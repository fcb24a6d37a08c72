package io.vigil.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.rollup.DailyRollupJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.EventData;
import io.vigil.testing.Launches;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/** A daily rollup that fails part-way and is restarted ends equal to the raw rows, views refreshed. */
@VigilSpringTest
class DailyRollupRestartTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant SLOT = Instant.parse("2026-11-23T11:00:00Z");

    @Autowired SlotLauncher launcher;
    @Autowired JobOperator jobOperator;
    @Autowired JobRepository jobRepository;
    @Autowired DSLContext dsl;

    @Test
    void aDailyRollupFailedPartWayAndRestartedEqualsTheRawRows() throws Exception {
        EventData data = new EventData(dsl, 11);
        data.insertEvents(800, NOW, Duration.ofDays(4));
        data.checks(data.connections(1), NOW.minus(Duration.ofDays(2)), NOW);
        assertThat(Launches.started(launcher.launch(RollupJobConfiguration.JOB, Slot.of(SLOT), "test")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        dsl.execute("ALTER TABLE vigil.health_rollup_daily RENAME TO health_rollup_daily_away");
        JobExecution failed = Launches.started(launcher.launch(DailyRollupJobConfiguration.JOB, Slot.of(SLOT), "test"));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).extracting(s -> s.getStepName() + " " + s.getStatus())
                .containsExactly("dailyEvents COMPLETED", "dailyHealth FAILED");
        assertThat(data.eventsByDayRollup()).isEqualTo(data.eventsByDayDirect());

        dsl.execute("ALTER TABLE vigil.health_rollup_daily_away RENAME TO health_rollup_daily");
        JobExecution completed = jobOperator.restart(jobRepository.getJobExecution(failed.getId()));

        assertThat(completed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(completed.getStepExecutions()).extracting(s -> s.getStepName())
                .containsExactly("dailyHealth", "refresh_connection_health_summary", "refresh_event_daily_summary");
        assertThat(data.healthByDayRollup()).isNotEmpty().isEqualTo(data.healthByDayDirect());
        assertThat(data.eventsByDayRollup()).isNotEmpty().isEqualTo(data.eventsByDayDirect());
        assertThat(dsl.fetchCount(dsl.selectFrom("vigil.event_daily_summary"))).isPositive();
    }
}
