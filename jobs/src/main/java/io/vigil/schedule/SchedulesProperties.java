package io.vigil.schedule;

import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vigil.schedules.<jobName>.*}: what the configuration changes of the shipped schedules (see
 * {@link Schedules}), reconciled into Quartz when the daemon starts.
 */
@ConfigurationProperties("vigil")
public record SchedulesProperties(Map<String, Schedule> schedules) {

    public SchedulesProperties {
        schedules = schedules == null ? Map.of() : schedules;
    }

    /**
     * @param cron Quartz cron expression (with seconds); null keeps the job's shipped one. Zone defaults
     *             to UTC, misfire to FIRE_NOW
     */
    public record Schedule(String cron, ZoneId zone, MisfirePolicy misfire, Boolean enabled) {

        public Schedule {
            zone = zone == null ? ZoneId.of("UTC") : zone;
            misfire = misfire == null ? MisfirePolicy.FIRE_NOW : misfire;
            enabled = enabled == null || enabled;
        }
    }
}
