package io.vigil.health.status;

import java.util.Optional;

/**
 * A connection whose status is not what its last real check said: the one log line an operator needs when
 * it happens. SKIPPED checks measure nothing, so they neither make a change nor end one.
 *
 * @param previous the status of the last real check before this one; null for a connection's first check
 * @param reason   why it is DOWN or DEGRADED (the scrubbed error or the degradation, as its emails say it)
 */
public record StatusChange(String connection, HealthStatus previous, HealthStatus now, String reason) {

    public static Optional<StatusChange> between(String connection, HealthStatus previous, HealthStatus now,
                                                 String reason) {
        if (now == HealthStatus.SKIPPED || now == previous) {
            return Optional.empty();
        }
        // A new connection that is healthy is no news: a fleet added at once would log a line per connection.
        if (previous == null && now == HealthStatus.UP) {
            return Optional.empty();
        }
        return Optional.of(new StatusChange(connection, previous, now, reason));
    }

    public boolean badNews() {
        return now != HealthStatus.UP;
    }

    public String line() {
        StringBuilder line = new StringBuilder("connection ").append(connection).append(" is ").append(now);
        if (now == HealthStatus.UP) {
            line.append(" again (was ").append(previous).append(')');
        } else if (reason != null && !reason.isBlank()) {
            line.append(": ").append(reason.strip());
        }
        return line.append(" (see: vigil fleet show ").append(connection).append(")").toString();
    }
}
