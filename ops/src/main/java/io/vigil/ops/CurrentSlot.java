package io.vigil.ops;

import io.vigil.schedule.SchedulesProperties;
import io.vigil.schedule.SlotResolver;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TimeZone;

/**
 * The slot a job launched by hand runs for when none is given: the period of its schedule that is in
 * progress (the one the scheduler fired, or will fire, for), so that a manual launch and the scheduled
 * one are the same slot and cannot both run. A job without a schedule gets the current minute.
 */
public final class CurrentSlot {

    public static Instant of(String job, SchedulesProperties schedules, Clock clock) {
        Instant now = clock.instant();
        SchedulesProperties.Schedule schedule = schedules.schedules().get(job);
        if (schedule == null) {
            return now.truncatedTo(ChronoUnit.MINUTES);
        }
        return new SlotResolver(schedule.cron(), TimeZone.getTimeZone(schedule.zone())).slotFor(now);
    }

    private CurrentSlot() {
    }
}
