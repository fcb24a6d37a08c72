package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class SlotResolverTest {

    private final SlotResolver everyFiveMinutes = new SlotResolver("0 */5 * * * ?", TimeZone.getTimeZone("UTC"));

    @Test
    void anOnTimeFiringIsItsOwnSlot() {
        assertThat(everyFiveMinutes.slotFor(Instant.parse("2026-11-23T10:05:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
    }

    @Test
    void aLateFiringBelongsToThePeriodItFallsIn() {
        // A misfire handled with "fire now" reports the actual time as the scheduled one.
        assertThat(everyFiveMinutes.slotFor(Instant.parse("2026-11-23T10:07:42.315Z")))
                .isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
        assertThat(everyFiveMinutes.slotFor(Instant.parse("2026-11-23T10:09:59.999Z")))
                .isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
    }

    @Test
    void aOneMinuteScheduleHasAOneMinuteSlot() {
        SlotResolver everyMinute = new SlotResolver("0 * * * * ?", TimeZone.getTimeZone("UTC"));

        assertThat(everyMinute.slotFor(Instant.parse("2026-11-23T10:07:00Z"))).isEqualTo(Instant.parse("2026-11-23T10:07:00Z"));
        assertThat(everyMinute.slotFor(Instant.parse("2026-11-23T10:07:59.999Z"))).isEqualTo(Instant.parse("2026-11-23T10:07:00Z"));
    }

    @Test
    void aDailyScheduleUsesItsTimeZone() {
        SlotResolver nightly = new SlotResolver("0 30 2 * * ?", TimeZone.getTimeZone("Europe/Berlin"));
        // 02:30 in Berlin is 01:30 UTC in November; a firing at 09:00 UTC belongs to that night's slot.
        assertThat(nightly.slotFor(Instant.parse("2026-11-23T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));
        assertThat(nightly.slotFor(Instant.parse("2026-11-23T01:29:59Z")))
                .isEqualTo(Instant.parse("2026-11-22T01:30:00Z"));
    }

    @Test
    void aWeeklyScheduleLooksBackFarEnough() {
        SlotResolver weekly = new SlotResolver("0 0 6 ? * MON", TimeZone.getTimeZone("UTC"));
        assertThat(weekly.slotFor(Instant.parse("2026-11-22T23:00:00Z"))) // a Sunday
                .isEqualTo(Instant.parse("2026-11-16T06:00:00Z"));
    }

    @Test
    void anInvalidCronSaysHowToWriteOne() {
        assertThatThrownBy(() -> new SlotResolver("*/5 * * * *", TimeZone.getTimeZone("UTC")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid cron expression '*/5 * * * *'")
                .hasMessageContaining("0 */5 * * * ?");
    }
}
