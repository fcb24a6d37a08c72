package io.vigil.health.probe;

import io.vigil.health.probe.Addresses.HostPortDatabase;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * A probe of a SQL server over JDBC: connect, {@code SELECT 1}, then one stats snapshot. The latency covers
 * connecting and {@code SELECT 1} only. The snapshot must fit in what is left of the timeout; when it fails
 * or runs out of time the target is still UP, with a {@code statsError} in the details.
 */
abstract sealed class JdbcProbe implements Probe permits PostgresProbe, MysqlProbe {

    @Override
    public final ProbeOutcome probe(ProbeTarget target) {
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

    private Connection connect(HostPortDatabase address, ProbeTarget target, ProbeAttempt attempt)
            throws SQLException {
        // Credentials go in properties, never in the URL, which may end up in a driver's error message.
        Properties properties = new Properties();
        if (target.username() != null) {
            properties.setProperty("user", target.username());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        timeouts(properties, attempt);
        return driver().connect(urlPrefix() + address.hostPort().authority() + "/" + address.database(), properties);
    }

    /** The driver instance itself, not DriverManager: no global registry lookup or lock per probe. */
    abstract Driver driver();

    /** For example {@code jdbc:postgresql://}. */
    abstract String urlPrefix();

    /** Sets the driver's own connect, socket and login timeouts from the probe's timeout. */
    abstract void timeouts(Properties properties, ProbeAttempt attempt);

    abstract DbStats snapshot(Connection connection, ProbeAttempt attempt) throws SQLException;
}
