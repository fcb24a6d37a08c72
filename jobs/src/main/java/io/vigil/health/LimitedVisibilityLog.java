package io.vigil.health;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once per connection and process, in one WARN line, that the monitoring role cannot see some of a
 * target's figures, and what to grant: stored as "not visible" on every snapshot, the gap would otherwise
 * only show to whoever looks at that connection. Once the role sees them all, the next gap is said again.
 */
public final class LimitedVisibilityLog {

    private static final Logger log = LoggerFactory.getLogger(LimitedVisibilityLog.class);

    private final Set<Long> warned = ConcurrentHashMap.newKeySet();

    void onCommit(List<? extends HealthCheckResult> results) {
        for (HealthCheckResult result : results) {
            String missing = result.stats() == null ? null : result.stats().notVisibleLine();
            if (missing == null) {
                warned.remove(result.connectionId());
            } else if (!warned.contains(result.connectionId())) {
                String line = "connection " + result.connectionName() + ": " + missing
                        + " (see: vigil fleet show " + result.connectionName() + ")";
                AfterCommit.run(() -> {
                    if (warned.add(result.connectionId())) {
                        log.warn("{}", line);
                    }
                });
            }
        }
    }
}
