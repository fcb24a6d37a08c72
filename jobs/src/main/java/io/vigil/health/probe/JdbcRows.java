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

/** Small JDBC reading helpers for the probes' catalog queries. */
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

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A timestamp column as the details hold it ({@link DetailMaps#iso}). */
    static String isoInstant(ResultSet row, String column) throws SQLException {
        return DetailMaps.iso(instant(row, column));
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
