package io.vigil.health.probe;

import io.vigil.health.probe.Addresses.HostPortDatabase;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Checks a MySQL or MariaDB server with {@code SELECT 1}, then reads its version and connections used vs
 * allowed. The latency covers connecting and {@code SELECT 1} only. The stats must fit in what is left of
 * the timeout; when they fail or run out of time the target is still UP, with a {@code statsError} in the
 * details.
 */
public final class MysqlProbe implements Probe {

    // The driver instance directly, not DriverManager: no global registry lookup or lock per probe.
    private static final Driver DRIVER = new org.mariadb.jdbc.Driver();

    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    public ProbeOutcome probe(ProbeTarget target) {
        ProbeAttempt attempt = new ProbeAttempt(target);
        try (Connection connection = connect(Addresses.parseHostPortDatabase(target.address()), target, attempt)) {
            JdbcDeadline.bound(connection, attempt);
            try (PreparedStatement select = connection.prepareStatement("SELECT 1")) {
                select.executeQuery().close();
            }
            Duration latency = attempt.elapsed();
            try {
                return ProbeOutcome.up(latency, snapshot(connection, attempt), Map.of());
            } catch (SQLException | RuntimeException e) {
                return ProbeOutcome.up(latency, null, Map.of("statsError", attempt.describe(e)));
            }
        } catch (Exception e) {
            return attempt.down(e);
        }
    }

    private static Connection connect(HostPortDatabase address, ProbeTarget target, ProbeAttempt attempt)
            throws SQLException {
        Properties properties = new Properties();
        if (target.username() != null) {
            properties.setProperty("user", target.username());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        // Milliseconds in this driver. The socket timeout also bounds the handshake, so a server that accepts
        // TCP and then never sends its greeting fails after the timeout instead of hanging.
        properties.setProperty("connectTimeout", Integer.toString(attempt.timeoutMillis()));
        properties.setProperty("socketTimeout", Integer.toString(attempt.timeoutMillis()));
        return DRIVER.connect("jdbc:mariadb://" + address.hostPort().authority() + "/" + address.database(),
                properties);
    }

    private static DbStats snapshot(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        String version = value(connection, "SELECT VERSION()", 1);
        JdbcDeadline.bound(connection, attempt);
        Integer threadsConnected = integer(value(connection, "SHOW GLOBAL STATUS LIKE 'Threads_connected'", 2));
        JdbcDeadline.bound(connection, attempt);
        Integer maxConnections = integer(value(connection, "SHOW VARIABLES LIKE 'max_connections'", 2));
        return new DbStats(version, threadsConnected, maxConnections, null, null, null, null, null, null, Map.of());
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
