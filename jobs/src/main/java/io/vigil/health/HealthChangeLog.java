package io.vigil.health;

import io.vigil.health.circuit.CircuitChange;
import io.vigil.health.status.HealthStatus;
import io.vigil.health.status.StatusChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each change of a connection's status or circuit in one line, once: when the chunk that records it
 * commits. Logged before, a chunk rolled back and probed again by a restart would say it twice, or say
 * what never happened; logged on every check, the change would drown in the checks that are no news.
 */
final class HealthChangeLog {

    private static final Logger log = LoggerFactory.getLogger(HealthChangeLog.class);

    private record Line(boolean badNews, String text) {
    }

    private HealthChangeLog() {
    }

    /** @param previous each connection's status before the chunk's slot, as {@link PreviousStatuses} reads it */
    static void onCommit(List<? extends HealthCheckResult> results, Map<Long, HealthStatus> previous) {
        List<Line> lines = new ArrayList<>();
        for (HealthCheckResult result : results) {
            StatusChange.between(result.connectionName(), previous.get(result.connectionId()), result.status(),
                    result.problem()).ifPresent(change -> lines.add(new Line(change.badNews(), change.line())));
            CircuitChange.between(result.connectionName(), result.circuitBefore(), result.circuitAfter())
                    .ifPresent(change -> lines.add(new Line(change.badNews(), change.line())));
        }
        if (lines.isEmpty()) {
            return;
        }
        AfterCommit.run(() -> write(lines));
    }

    private static void write(List<Line> lines) {
        for (Line line : lines) {
            if (line.badNews()) {
                log.warn("{}", line.text());
            } else {
                log.info("{}", line.text());
            }
        }
    }
}
