package io.vigil.alert.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A connection's recent checks, oldest first, and its latest stats snapshot (null if none), as of the
 * evaluated slot.
 */
public record ConnectionHistory(long connectionId, String name, List<String> tags, Duration latencySlo,
                                List<Check> checks, StatsSample latestStats) {

    public ConnectionHistory {
        tags = List.copyOf(tags);
        checks = List.copyOf(checks);
    }

    /** Checks with a slot in (to − window, to]. */
    public List<Check> within(Duration window, Instant to) {
        Instant from = to.minus(window);
        return checks.stream().filter(c -> c.slot().isAfter(from) && !c.slot().isAfter(to)).toList();
    }
}
