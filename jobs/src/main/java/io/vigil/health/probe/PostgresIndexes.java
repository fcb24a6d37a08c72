package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indexes worth a look: the largest never scanned since the statistics were last reset, leaving out those
 * that back a constraint (primary key, unique, exclusion, or referenced by a foreign key), since "never
 * scanned" does not make those droppable; and the largest indexes overall with their scans.
 */
final class PostgresIndexes {

    /** The two lists, each largest first, because that is where dropping one pays off. */
    record Lists(List<Map<String, Object>> unused, List<Map<String, Object>> largest) {
    }

    // Sizing an index reads its file's length, the costly part with thousands of them: done once for both lists.
    private static final String INDEXES = """
            WITH sized AS MATERIALIZED (
                SELECT s.schemaname, s.relname, s.indexrelname, s.idx_scan,
                       pg_catalog.pg_relation_size(s.indexrelid) AS size_bytes,
                       (i.indisunique OR i.indisprimary OR i.indisexclusion
                        OR EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = s.indexrelid))
                         AS backs_constraint
                  FROM pg_catalog.pg_stat_user_indexes s
                  JOIN pg_catalog.pg_index i ON i.indexrelid = s.indexrelid)
            (SELECT 'unused' AS list, * FROM sized WHERE idx_scan = 0 AND NOT backs_constraint
              ORDER BY size_bytes DESC, schemaname, relname, indexrelname LIMIT 10)
            UNION ALL
            (SELECT 'largest' AS list, * FROM sized
              ORDER BY size_bytes DESC, schemaname, relname, indexrelname LIMIT 5)
            """;

    private PostgresIndexes() {
    }

    static Lists read(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        List<Map<String, Object>> unused = new ArrayList<>();
        List<Map<String, Object>> largest = new ArrayList<>();
        for (Map<String, Object> row : JdbcRows.rows(connection, INDEXES, PostgresIndexes::index)) {
            ("unused".equals(row.get("list")) ? unused : largest).add(withoutList(row));
        }
        return new Lists(List.copyOf(unused), List.copyOf(largest));
    }

    private static Map<String, Object> index(ResultSet row) throws SQLException {
        return DetailMaps.ordered("list", row.getString("list"), "schema", row.getString("schemaname"),
                "table", row.getString("relname"), "index", row.getString("indexrelname"),
                "sizeBytes", row.getLong("size_bytes"), "scans", row.getLong("idx_scan"),
                "backsConstraint", row.getBoolean("backs_constraint"));
    }

    private static Map<String, Object> withoutList(Map<String, Object> row) {
        Map<String, Object> index = new LinkedHashMap<>(row);
        index.remove("list");
        return Collections.unmodifiableMap(index);
    }
}
