package io.vigil.schedule;

import java.time.Instant;

/** One schedule as Quartz holds it. Fire times are null when there is none. */
public record ScheduleInfo(String job, String cron, String zone, String misfire, Instant previousFireTime,
                           Instant nextFireTime, boolean paused) {
}
