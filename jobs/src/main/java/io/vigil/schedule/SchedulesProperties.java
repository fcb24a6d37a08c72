package io.vigil.schedule;

import java.time.Duration;
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
     * @param cron       Quartz cron expression (with seconds); null keeps the job's shipped one. Zone
     *                   defaults to UTC, misfire to FIRE_NOW
     * @param onNodeLoss what a surviving node does with a run whose node was lost (default RESTART)
     * @param catchUp    how long after its slot's start such a run is still restarted; null: see
     *                   {@link CatchUpPolicy}
     */
    public record Schedule(String cron, ZoneId zone, MisfirePolicy misfire, Boolean enabled, OnNodeLoss onNodeLoss,
                           Duration catchUp) {

        public Schedule {
            zone = zone == null ? ZoneId.of("UTC") : zone;
            misfire = misfire == null ? MisfirePolicy.FIRE_NOW : misfire;
            enabled = enabled == null || enabled;
            onNodeLoss = onNodeLoss == null ? OnNodeLoss.RESTART : onNodeLoss;
            if (catchUp != null && (catchUp.isNegative() || catchUp.isZero())) {
                throw new IllegalArgumentException("catch-up must be a positive duration such as 10m, not " + catchUp
                        + " (to never restart a run taken from a lost node, set on-node-loss: leave)");
            }
        }
    }
}
