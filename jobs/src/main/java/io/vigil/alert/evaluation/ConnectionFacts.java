package io.vigil.alert.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an alert email says about a connection beyond the rule: its last error, its recent latency and
 * availability, and its availability and latency hour by hour over the last day (the email's picture).
 *
 * @param hourly       availability percent of each of the 24 hours up to {@code asOf}, oldest first; null for
 *                     an hour without probed checks
 * @param hourlyP95    p95 latency of the answers (UP or DEGRADED checks) of each of those hours, as the
 *                     LATENCY rule measures it; null for an hour without answers
 * @param latencySloMs the connection's latency SLO
 * @param checks24h    the real (probed) checks {@code availability24h} rests on
 * @param skipped24h   the checks of the day that were SKIPPED: no measurement, so not counted
 */
public record ConnectionFacts(String lastError, Instant lastErrorAt, Double lastLatencyMs, Double p95LastHourMs,
                              Double availability24h, List<Double> hourly, List<Double> hourlyP95,
                              long latencySloMs, int checks24h, int skipped24h, Instant asOf) {

    static final Duration DAY = Duration.ofHours(24);

    public ConnectionFacts {
        // Not List.copyOf: an hour without checks is a null.
        hourly = Collections.unmodifiableList(new ArrayList<>(hourly));
        hourlyP95 = Collections.unmodifiableList(new ArrayList<>(hourlyP95));
    }

    public static ConnectionFacts of(ConnectionHistory history, Instant slot) {
        List<Check> day = history.within(DAY, slot);
        Check lastFailure = day.reversed().stream().filter(c -> c.errorMessage() != null).findFirst().orElse(null);
        Check lastProbed = day.reversed().stream().filter(Check::probed).findFirst().orElse(null);
        List<Double> hourly = new ArrayList<>();
        List<Double> hourlyP95 = new ArrayList<>();
        for (int hour = 23; hour >= 0; hour--) {
            List<Check> checks = history.within(Duration.ofHours(1), slot.minus(Duration.ofHours(hour)));
            hourly.add(availability(checks));
            hourlyP95.add(Percentiles.of(answerLatencies(checks), 0.95));
        }
        List<Double> lastHour = history.within(Duration.ofHours(1), slot).stream().filter(Check::probed)
                .map(Check::latencyMs).filter(l -> l != null).toList();
        return new ConnectionFacts(lastFailure == null ? null : lastFailure.errorMessage(),
                lastFailure == null ? null : lastFailure.checkedAt(),
                lastProbed == null ? null : lastProbed.latencyMs(),
                Percentiles.of(lastHour, 0.95), availability(day), hourly, hourlyP95,
                history.latencySlo().toMillis(), (int) day.stream().filter(Check::probed).count(),
                (int) day.stream().filter(c -> !c.probed()).count(), slot);
    }

    /** The latencies the LATENCY rule judges: answers only (a DOWN check's latency is how long it took to fail). */
    static List<Double> answerLatencies(List<Check> checks) {
        return checks.stream().filter(Check::available).map(Check::latencyMs).filter(l -> l != null).toList();
    }

    private static Double availability(List<Check> checks) {
        List<Check> probed = checks.stream().filter(Check::probed).toList();
        return probed.isEmpty() ? null : 100.0 * probed.stream().filter(Check::available).count() / probed.size();
    }
}
