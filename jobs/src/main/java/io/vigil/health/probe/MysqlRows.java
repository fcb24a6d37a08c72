package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One round trip each, bounded by what is left of the probe's timeout; values as text, as the server sends them. */
final class MysqlRows {

    /** Each row as column label to value (null for SQL NULL), in column order. */
    static List<Map<String, String>> rows(Connection connection, ProbeAttempt attempt, String sql) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        return JdbcRows.columns(connection, sql, ResultSet::getString);
    }

    /** The first column of each row to its second: the shape of SHOW STATUS and SHOW VARIABLES. */
    static Map<String, String> values(Connection connection, ProbeAttempt attempt, String sql) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        Map<String, String> values = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                values.put(result.getString(1), result.getString(2));
            }
        }
        return values;
    }

    private MysqlRows() {
    }
}
