package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.runs.DefaultSchedule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:07:31.5Z"), ZoneOffset.UTC);

    @Test
    void aScheduledJobRunsForThePeriodInProgress() {
        Schedules schedules = new Schedules(List.of(), new SchedulesProperties(Map.of(
                "healthCheckJob", new SchedulesProperties.Schedule("0 */5 * * * ?", null, null, null, null, null),
                "digestJob", new SchedulesProperties.Schedule("0 0 2 * * ?", ZoneId.of("Europe/Paris"),
                        MisfirePolicy.SKIP, false, null, null))));

        assertThat(schedules.currentSlot("healthCheckJob", CLOCK).start()).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
        // 02:00 in Paris, in winter; a disabled schedule still defines the job's period.
        assertThat(schedules.currentSlot("digestJob", CLOCK).start()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
    }

    @Test
    void aJobWithoutScheduleRunsForTheCurrentMinute() {
        assertThat(new Schedules(List.of(), new SchedulesProperties(null)).currentSlot("adHocJob", CLOCK).start())
                .isEqualTo(Instant.parse("2026-11-23T10:07:00Z"));
    }

    @Test
    void aJobRunsOnItsShippedScheduleUnlessTheConfigurationChangesIt() {
        List<DefaultSchedule> shipped = List.of(new DefaultSchedule("healthCheckJob", "0 */5 * * * ?"),
                new DefaultSchedule("retentionJob", "0 45 0 * * ?"), new DefaultSchedule("rollupJob", "0 */5 * * * ?"));
        Schedules schedules = new Schedules(shipped, new SchedulesProperties(Map.of(
                "retentionJob", new SchedulesProperties.Schedule(null, ZoneId.of("Europe/Paris"), null, null, null, null),
                "rollupJob", new SchedulesProperties.Schedule(null, null, null, false, null, null),
                "healthCheckJob", new SchedulesProperties.Schedule("0 * * * * ?", null, MisfirePolicy.SKIP, null, null, null),
                "reportJob", new SchedulesProperties.Schedule("0 0 6 * * ?", null, null, null, null, null))));

        assertThat(schedules.all()).containsOnlyKeys("healthCheckJob", "retentionJob", "rollupJob", "reportJob");
        assertThat(schedules.enabled()).containsExactly(
                Map.entry("healthCheckJob", new SchedulesProperties.Schedule("0 * * * * ?", null, MisfirePolicy.SKIP, true, null, null)),
                Map.entry("reportJob", new SchedulesProperties.Schedule("0 0 6 * * ?", null, null, null, null, null)),
                Map.entry("retentionJob", new SchedulesProperties.Schedule("0 45 0 * * ?", ZoneId.of("Europe/Paris"), null, null, null, null)));
        assertThat(schedules.all().get("rollupJob"))
                .as("switched off, it keeps its shipped cron, which still defines the job's period")
                .isEqualTo(new SchedulesProperties.Schedule("0 */5 * * * ?", null, null, false, null, null));
    }
}
