package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schedule.MisfirePolicy;
import io.vigil.schedule.SchedulesProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrentSlotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:07:31.5Z"), ZoneOffset.UTC);

    @Test
    void aScheduledJobRunsForThePeriodInProgress() {
        SchedulesProperties schedules = new SchedulesProperties(Map.of(
                "healthCheckJob", new SchedulesProperties.Schedule("0 */5 * * * ?", null, null, null),
                "digestJob", new SchedulesProperties.Schedule("0 0 2 * * ?", ZoneId.of("Europe/Paris"),
                        MisfirePolicy.SKIP, false)));

        assertThat(CurrentSlot.of("healthCheckJob", schedules, CLOCK)).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
        // 02:00 in Paris, in winter; a disabled schedule still defines the job's period.
        assertThat(CurrentSlot.of("digestJob", schedules, CLOCK)).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
    }

    @Test
    void aJobWithoutScheduleRunsForTheCurrentMinute() {
        assertThat(CurrentSlot.of("adHocJob", new SchedulesProperties(null), CLOCK))
                .isEqualTo(Instant.parse("2026-11-23T10:07:00Z"));
    }
}
