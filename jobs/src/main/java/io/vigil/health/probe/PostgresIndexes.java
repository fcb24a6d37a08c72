package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Indexes worth a look: the largest never scanned since the statistics were last reset, leaving out those
 * that back a constraint (primary key, unique, exclusion, or referenced by a foreign key), since "never
 * scanned" does not make those droppable; and the largest indexes overall with their scans.
 */
final class PostgresIndexes {

    private static final String INDEXES = """
            SELECT s.schemaname, s.relname, s.indexrelname, s.idx_scan,
                   pg_catalog.pg_relation_size(s.indexrelid) AS size_bytes,
                   (i.indisunique OR i.indisprimary OR i.indisexclusion
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = s.indexrelid))
                     AS backs_constraint
              FROM pg_catalog.pg_stat_user_indexes s
              JOIN pg_catalog.pg_index i ON i.indexrelid = s.indexrelid
            """;

    // Largest first, because that is where dropping one pays off.
    private static final String UNUSED = "SELECT * FROM (" + INDEXES + ") x WHERE idx_scan = 0 AND NOT backs_constraint"
            + " ORDER BY size_bytes DESC, schemaname, relname, indexrelname LIMIT 10";

    private static final String LARGEST = "SELECT * FROM (" + INDEXES + ") x"
            + " ORDER BY size_bytes DESC, schemaname, relname, indexrelname LIMIT 5";

    private PostgresIndexes() {
    }

    static List<Map<String, Object>> unused(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        return JdbcRows.rows(connection, UNUSED, PostgresIndexes::index);
    }

    static List<Map<String, Object>> largest(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        return JdbcRows.rows(connection, LARGEST, PostgresIndexes::index);
    }

    private static Map<String, Object> index(java.sql.ResultSet row) throws SQLException {
        return JdbcRows.ordered("schema", row.getString("schemaname"), "table", row.getString("relname"),
                "index", row.getString("indexrelname"), "sizeBytes", row.getLong("size_bytes"),
                "scans", row.getLong("idx_scan"), "backsConstraint", row.getBoolean("backs_constraint"));
    }
}
