package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The statements of the current database that took the most time, from pg_stat_statements where the
 * extension is installed. Its texts are normalised (constants become $1) for queries, but not for utility
 * statements such as {@code ALTER ROLE ... PASSWORD}, so only query texts are kept, and those scrubbed.
 */
final class PostgresStatements {

    // The extension may live in any schema; the name comes from the server's own catalog and is quoted.
    private static final String TOP = """
            SELECT s.queryid, s.calls, s.total_exec_time, s.mean_exec_time, s.rows,
                   CASE WHEN s.query ~* '^\\s*(select|insert|update|delete|with|merge|values|table)\\M'
                        THEN left(s.query, 200) END AS query
              FROM %s.pg_stat_statements s
             WHERE s.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
             ORDER BY s.total_exec_time DESC
             LIMIT 5
            """;

    private PostgresStatements() {
    }

    static List<Map<String, Object>> top(Connection connection, ProbeAttempt attempt, String schema)
            throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        String quoted = '"' + schema.replace("\"", "\"\"") + '"';
        return JdbcRows.rows(connection, TOP.formatted(quoted), row -> {
            Long queryId = JdbcRows.longOrNull(row, "queryid");
            String query = row.getString("query");
            return DetailMaps.ordered("queryId", queryId, "calls", row.getLong("calls"),
                    "totalMillis", row.getDouble("total_exec_time"), "meanMillis", row.getDouble("mean_exec_time"),
                    "rows", row.getLong("rows"),
                    "query", queryId == null ? "(another role's: " + PostgresProbe.NOT_VISIBLE + ")"
                            : query == null ? "(not a query: its text is not kept)" : attempt.scrub(query));
        });
    }
}
