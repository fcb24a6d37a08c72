package io.vigil.health.rates;

import java.time.Instant;
import java.util.Map;

/**
 * One snapshot's cumulative counters with what tells two snapshots of a server apart: when it was taken
 * and when the server had started.
 *
 * @param serverStartedAt null when the server does not report it; a restart is then seen only by its counters
 */
public record CounterSample(Instant takenAt, Instant serverStartedAt, Map<String, Long> counters) {

    public CounterSample {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }
}
