package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Client sessions by state, each state with its count and its oldest: for an active session how long its
 * query has run, for an idle one how long it has idled, for one idle in a transaction how old that
 * transaction is (it holds back vacuum and may hold locks), and how many of each wait for a lock another
 * session holds: the contention deadlocks come from. Only a role that sees every session's state
 * gets these; another sees its own sessions only, which would be a wrong picture.
 */
final class PostgresSessions {

    private static final String BY_STATE = """
            SELECT state, count(*)::int AS sessions,
                   count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting_on_lock,
                   extract(epoch FROM max(pg_catalog.now() - CASE
                       WHEN state = 'active' THEN query_start
                       WHEN state LIKE 'idle in transaction%' THEN coalesce(xact_start, state_change)
                       ELSE state_change END))::float8 AS oldest_seconds
              FROM pg_catalog.pg_stat_activity
             WHERE backend_type = 'client backend' AND state IS NOT NULL AND pid <> pg_catalog.pg_backend_pid()
             GROUP BY state
             ORDER BY state
            """;

    private PostgresSessions() {
    }

    static List<Map<String, Object>> byState(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        return JdbcRows.rows(connection, BY_STATE, row -> DetailMaps.ordered("state", row.getString("state"),
                "sessions", row.getInt("sessions"), "oldestSeconds", JdbcRows.doubleOrNull(row, "oldest_seconds"),
                "waitingOnLock", row.getInt("waiting_on_lock")));
    }
}
