package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small JDBC reading helpers for the probes' catalog queries, whose rows become JSON-friendly maps. */
final class JdbcRows {

    interface RowMapper {
        Map<String, Object> map(ResultSet row) throws SQLException;
    }

    private JdbcRows() {
    }

    static List<Map<String, Object>> rows(Connection connection, String sql, RowMapper mapper) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(mapper.map(row));
            }
        }
        return List.copyOf(rows);
    }

    /** How one column's value is read: {@code ResultSet::getObject}, {@code ResultSet::getString}. */
    interface ColumnReader<T> {
        T read(ResultSet row, int column) throws SQLException;
    }

    /** Each row as column label to value (null for SQL NULL), in column order, for mapping apart from JDBC. */
    static <T> List<Map<String, T>> columns(Connection connection, String sql, ColumnReader<T> reader)
            throws SQLException {
        List<Map<String, T>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            int count = row.getMetaData().getColumnCount();
            while (row.next()) {
                Map<String, T> columns = new LinkedHashMap<>();
                for (int i = 1; i <= count; i++) {
                    columns.put(row.getMetaData().getColumnLabel(i), reader.read(row, i));
                }
                rows.add(Collections.unmodifiableMap(columns));
            }
        }
        return List.copyOf(rows);
    }

    /** Insertion-ordered, so the stored JSON reads in a stable, sensible order; null values are left out. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A time as ISO-8601 text, as the details hold it (JSON has no time type), or null. */
    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** {@link #iso} of a timestamp column. */
    static String isoInstant(ResultSet row, String column) throws SQLException {
        return iso(instant(row, column));
    }

    static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Double doubleOrNull(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
