package io.vigil.health.probe;

import java.time.Duration;
import java.util.Map;

/**
 * The raw result of probing one target, before any status decision (SLOs, limits, circuit breaker).
 *
 * @param reachable    whether the target answered correctly ({@code SELECT 1}, PING, an HTTP status below 500)
 * @param latency      time from the start of the probe until the answer (or the failure)
 * @param errorClass   simple class name of the failure, or null
 * @param errorMessage short failure message with every secret scrubbed, or null
 * @param stats        what the probe learned about the target, or null when there is nothing
 * @param details      small provider-specific facts (HTTP status code, ...)
 */
public record ProbeOutcome(boolean reachable, Duration latency, String errorClass, String errorMessage,
                           DbStats stats, Map<String, Object> details) {

    public static ProbeOutcome up(Duration latency, DbStats stats, Map<String, Object> details) {
        return new ProbeOutcome(true, latency, null, null, stats, details);
    }

    public static ProbeOutcome down(Duration latency, String errorClass, String errorMessage, Map<String, Object> details) {
        return new ProbeOutcome(false, latency, errorClass, errorMessage, null, details);
    }
}
