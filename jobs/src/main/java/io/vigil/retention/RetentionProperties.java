package io.vigil.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vigil.retention.*}: how long raw rows, run history, sent emails and
 * resolved alerts are kept. A raw partition goes as a
 * whole once its whole month is older than the retention and it is rolled up; the rollups stay.
 */
@ConfigurationProperties("vigil.retention")
public record RetentionProperties(Duration healthChecks, Duration statsSnapshots, Duration events, Duration batchMetadata, Duration emails,
                                  Duration alerts,
                                  Integer monthsAhead) {

    public RetentionProperties {
        healthChecks = positive("health-checks", healthChecks, Duration.ofDays(35));
        statsSnapshots = positive("stats-snapshots", statsSnapshots, Duration.ofDays(90));
        events = positive("events", events, Duration.ofDays(90));
        batchMetadata = positive("batch-metadata", batchMetadata, Duration.ofDays(90));
        emails = positive("emails", emails, Duration.ofDays(30));
        alerts = positive("alerts", alerts, Duration.ofDays(90));
        monthsAhead = monthsAhead == null ? 2 : monthsAhead;
        if (monthsAhead < 1) {
            throw new IllegalArgumentException("vigil.retention.months-ahead must be at least 1, was " + monthsAhead);
        }
    }

    private static Duration positive(String key, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("vigil.retention." + key + " must be positive, was " + value
                    + " (for example 90d)");
        }
        return value;
    }
}
