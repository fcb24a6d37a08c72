package io.vigil.alert.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an alert email says about a connection beyond the rule: its last error, its recent latency and
 * availability, and its availability hour by hour over the last day (the email's picture).
 *
 * @param hourly availability percent of each of the 24 hours up to {@code asOf}, oldest first; null for an
 *               hour without probed checks
 */
public record ConnectionFacts(String lastError, Instant lastErrorAt, Double lastLatencyMs, Double p95LastHourMs,
                              Double availability24h, List<Double> hourly, Instant asOf) {

    static final Duration DAY = Duration.ofHours(24);

    public static ConnectionFacts of(ConnectionHistory history, Instant slot) {
        List<Check> day = history.within(DAY, slot);
        Check lastFailure = day.reversed().stream().filter(c -> c.errorMessage() != null).findFirst().orElse(null);
        Check lastProbed = day.reversed().stream().filter(Check::probed).findFirst().orElse(null);
        List<Double> lastHour = history.within(Duration.ofHours(1), slot).stream().filter(Check::probed)
                .map(Check::latencyMs).filter(l -> l != null).toList();
        List<Double> hourly = new ArrayList<>();
        for (int hour = 23; hour >= 0; hour--) {
            Instant end = slot.minus(Duration.ofHours(hour));
            hourly.add(availability(history.within(Duration.ofHours(1), end)));
        }
        return new ConnectionFacts(lastFailure == null ? null : lastFailure.errorMessage(),
                lastFailure == null ? null : lastFailure.slot(),
                lastProbed == null ? null : lastProbed.latencyMs(),
                Percentiles.of(lastHour, 0.95), availability(day), hourly, slot);
    }

    private static Double availability(List<Check> checks) {
        List<Check> probed = checks.stream().filter(Check::probed).toList();
        return probed.isEmpty() ? null : 100.0 * probed.stream().filter(Check::available).count() / probed.size();
    }
}
