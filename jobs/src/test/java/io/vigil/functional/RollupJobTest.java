package io.vigil.functional;

import static io.vigil.db.jooq.Tables.DAILY_ROLLUP_PENDING;
import static io.vigil.db.jooq.Tables.EVENT_ROLLUP_HOURLY;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK_CHANGE;
import static io.vigil.db.jooq.Tables.HEALTH_ROLLUP_HOURLY;
import static io.vigil.db.jooq.Tables.ROLLUP_WATERMARK;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.db.jooq.tables.records.EventRollupHourlyRecord;
import io.vigil.rollup.DailyRollupJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.EventData;
import io.vigil.testing.Launches;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The rollups equal a direct SQL aggregation of the raw rows, on seeded random data that keeps arriving
 * late, folded in windows small enough that every run takes several transactions.
 */
@VigilSpringTest
@TestPropertySource(properties = "vigil.rollup.max-ids-per-transaction=700")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollupJobTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired SlotLauncher launcher;
    @Autowired DSLContext dsl;

    private EventData data;
    private List<Long> connections;
    private Instant slot = NOW;

    @Test
    @Order(1)
    void hourlyRollupsEqualTheDirectAggregationAsLateDataKeepsArriving() {
        data = new EventData(dsl, 42);
        connections = data.connections(3);
        data.insertEvents(3000, NOW, Duration.ofDays(3));
        data.checks(connections, NOW.minus(Duration.ofHours(30)), NOW.minus(Duration.ofHours(2)));
        assertThat(run(RollupJobConfiguration.JOB).getStepExecutions())
                .as("3000 events in windows of 700 ids take five transactions")
                .anySatisfy(step -> assertThat(step.getCommitCount()).isEqualTo(5));
        assertRollupsEqualRawRows();

        // Late: more events for the same three days, checks for the last two hours, and a re-run of
        // old slots that rewrites their checks (the health job upserts).
        data.insertEvents(1500, NOW.plus(Duration.ofMinutes(5)), Duration.ofDays(3));
        data.checks(connections, NOW.minus(Duration.ofHours(2)), NOW);
        data.checks(connections, NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofHours(19)));
        run(RollupJobConfiguration.JOB);

        assertRollupsEqualRawRows();
        assertThat(dsl.fetchCount(HEALTH_CHECK_CHANGE)).as("the folded change log is emptied").isZero();
        assertThat(dsl.select(ROLLUP_WATERMARK.FOLDED_THROUGH).from(ROLLUP_WATERMARK)
                .where(ROLLUP_WATERMARK.ROLLUP.eq("event_hourly")).fetchOne(ROLLUP_WATERMARK.FOLDED_THROUGH))
                .isEqualTo(4500L);
    }

    @Test
    @Order(2)
    void anEventDaysLateUpdatesItsOldBucketExactly() {
        Instant hour = NOW.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(7));
        EventRollupHourlyRecord before = bucket(hour, "shop", "checkout");
        assertThat(before).as("the seed has this bucket").isNotNull();

        data.insertStep().values(hour.plus(Duration.ofMinutes(30)), "shop", "checkout", "late-subject", 1_000_000.0, "FAILURE",
                JSONB.valueOf("{}")).execute();
        run(RollupJobConfiguration.JOB);

        EventRollupHourlyRecord after = bucket(hour, "shop", "checkout");
        assertThat(after.getEvents()).isEqualTo(before.getEvents() + 1);
        assertThat(after.getFailures()).isEqualTo(before.getFailures() + 1);
        assertThat(after.getDistinctSubjects()).isEqualTo(before.getDistinctSubjects() + 1);
        assertThat(after.getValueCount()).isEqualTo(before.getValueCount() + 1);
        assertThat(after.getValueMax()).isEqualTo(1_000_000.0);
        assertThat(after.getValueSum()).isCloseTo(before.getValueSum() + 1_000_000.0, org.assertj.core.data.Offset.offset(1e-6));
        assertRollupsEqualRawRows();
    }

    @Test
    @Order(3)
    void aRunWithNothingNewChangesNothing() {
        String hourly = data.eventsByHourRollup();
        JobExecution execution = run(RollupJobConfiguration.JOB);

        assertThat(execution.getStepExecutions()).allSatisfy(step -> assertThat(step.getWriteCount()).isZero());
        assertThat(data.eventsByHourRollup()).isEqualTo(hourly);
    }

    @Test
    @Order(4)
    void dailyRollupsCoverExactlyTheChangedDaysAndTheViewsAreRefreshed() {
        assertThat(dsl.fetchCount(DAILY_ROLLUP_PENDING)).as("days touched by the hourly rollups").isPositive();
        JobExecution daily = run(DailyRollupJobConfiguration.JOB);

        assertThat(data.eventsByDayRollup()).isEqualTo(data.eventsByDayDirect());
        assertThat(data.healthByDayRollup()).isEqualTo(data.healthByDayDirect());
        assertThat(dsl.fetchCount(DAILY_ROLLUP_PENDING)).isZero();
        assertThat(daily.getStepExecutions()).extracting(s -> s.getStepName())
                .containsExactly("dailyEvents", "dailyHealth", "refresh_connection_health_summary", "refresh_event_daily_summary");
        assertThat(dsl.fetch("SELECT day, source, events, failures FROM vigil.event_daily_summary ORDER BY 1, 2").formatCSV(false))
                .isEqualTo(dsl.fetch("""
                        SELECT (occurred_at AT TIME ZONE 'UTC')::date, source, count(*),
                               count(*) FILTER (WHERE outcome = 'FAILURE')
                        FROM vigil.event GROUP BY 1, 2 ORDER BY 1, 2""").formatCSV(false));

        // Nothing changed since: the next night recomputes no day, and the second refresh is CONCURRENTLY.
        JobExecution next = run(DailyRollupJobConfiguration.JOB);
        assertThat(next.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("daily"))
                .allSatisfy(step -> assertThat(step.getWriteCount()).isZero());
        assertThat(dsl.fetchCount(dsl.selectFrom("vigil.connection_health_summary"))).isEqualTo(3 * 3);
    }

    private void assertRollupsEqualRawRows() {
        assertThat(data.eventsByHourRollup()).isEqualTo(data.eventsByHourDirect());
        assertThat(data.healthByHourRollup()).isEqualTo(data.healthByHourDirect());
        assertThat(dsl.fetchCount(EVENT_ROLLUP_HOURLY)).isGreaterThan(100);
        assertThat(dsl.fetchCount(HEALTH_ROLLUP_HOURLY)).isGreaterThan(50);
    }

    private EventRollupHourlyRecord bucket(Instant hour, String source, String type) {
        return dsl.selectFrom(EVENT_ROLLUP_HOURLY)
                .where(EVENT_ROLLUP_HOURLY.HOUR.eq(hour), EVENT_ROLLUP_HOURLY.SOURCE.eq(source), EVENT_ROLLUP_HOURLY.TYPE.eq(type))
                .fetchOne();
    }

    private JobExecution run(String job) {
        slot = slot.plus(Duration.ofMinutes(5));
        return Launches.completed(launcher.launch(job, Slot.of(slot), "test"));
    }
}
