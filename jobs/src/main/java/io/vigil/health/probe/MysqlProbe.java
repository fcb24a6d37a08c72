package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Checks a MySQL or MariaDB server; its snapshot: version and connections used vs allowed. */
public final class MysqlProbe extends JdbcProbe {

    private static final Driver DRIVER = new org.mariadb.jdbc.Driver();

    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    Driver driver() {
        return DRIVER;
    }

    @Override
    String urlPrefix() {
        return "jdbc:mariadb://";
    }

    @Override
    void timeouts(Properties properties, ProbeAttempt attempt) {
        // Milliseconds in this driver. The socket timeout also bounds the handshake, so a server that accepts
        // TCP and then never sends its greeting fails after the timeout instead of hanging.
        properties.setProperty("connectTimeout", Integer.toString(attempt.timeoutMillis()));
        properties.setProperty("socketTimeout", Integer.toString(attempt.timeoutMillis()));
    }

    @Override
    DbStats snapshot(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        String version = value(connection, "SELECT VERSION()", 1);
        JdbcDeadline.bound(connection, attempt);
        Integer threadsConnected = integer(value(connection, "SHOW GLOBAL STATUS LIKE 'Threads_connected'", 2));
        JdbcDeadline.bound(connection, attempt);
        Integer maxConnections = integer(value(connection, "SHOW VARIABLES LIKE 'max_connections'", 2));
        JdbcDeadline.bound(connection, attempt);
        String uptime = value(connection, "SHOW GLOBAL STATUS LIKE 'Uptime'", 2);
        return new DbStats(version, threadsConnected, maxConnections, null, null, null, null, null, null,
                DbStats.startedFromUptime(uptime == null ? null : Long.valueOf(uptime.strip())), null, Map.of(),
                details(connection, attempt));
    }

    // Clients already refused (the server at max_connections; failed logins), and load: counters as the
    // server gives them, cumulative since it started. Readable by any user, like the figures above.
    private static final String DETAILS = """
            SHOW GLOBAL STATUS WHERE Variable_name IN ('Connection_errors_max_connections', 'Aborted_connects',
                'Threads_running', 'Max_used_connections', 'Slow_queries')
            """;

    private static final Map<String, String> DETAIL_KEYS = Map.of(
            "Connection_errors_max_connections", "refusedAtMaxConnections", "Aborted_connects", "abortedConnects",
            "Threads_running", "threadsRunning", "Max_used_connections", "maxUsedConnections",
            "Slow_queries", "slowQueries");

    private static Map<String, Object> details(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        Map<String, Object> details = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(DETAILS);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                String key = DETAIL_KEYS.get(row.getString(1));
                if (key != null) {
                    details.put(key, Long.valueOf(row.getString(2).strip()));
                }
            }
        }
        return Collections.unmodifiableMap(details);
    }

    private static String value(Connection connection, String sql, int column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getString(column) : null;
        }
    }

    private static Integer integer(String value) {
        return value == null ? null : Integer.valueOf(value.strip());
    }
}
