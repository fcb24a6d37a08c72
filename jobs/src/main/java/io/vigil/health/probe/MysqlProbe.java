package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Checks a MySQL or MariaDB server; its snapshot: version, connections used vs allowed, the status counters
 * (contention, buffer pool, refused clients) and, on a replica, each channel's state and lag.
 */
public final class MysqlProbe extends JdbcProbe {

    private static final Driver DRIVER = new org.mariadb.jdbc.Driver();

    private static final String VARIABLES = "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('version', 'max_connections')";

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
        Map<String, String> variables = MysqlRows.values(connection, attempt, VARIABLES);
        MysqlServer server = MysqlServer.of(variables.get("version"));
        MysqlGlobalStatus status = new MysqlGlobalStatus(MysqlRows.values(connection, attempt, MysqlGlobalStatus.SQL));
        Map<String, Long> counters = new TreeMap<>(status.counters());
        Map<String, Object> details = new TreeMap<>(status.details());
        Map<String, String> notVisible = new TreeMap<>();
        if (!server.mariaDb()) {
            MysqlPrivilegedFigures.deadlocks(connection, attempt, counters, notVisible);
        }
        Double lag = MysqlPrivilegedFigures.replication(connection, attempt, server, details, notVisible);
        if (!notVisible.isEmpty()) {
            details.put(DbStats.NOT_VISIBLE, notVisible);
        }
        String maxConnections = variables.get("max_connections");
        return new DbStats(variables.get("version"), status.threadsConnected(),
                maxConnections == null ? null : Integer.valueOf(maxConnections.strip()), status.bufferPoolHitRate(),
                null, null, null, null, null, DbStats.startedFromUptime(status.uptimeSeconds()), lag, counters, Collections.unmodifiableMap(details));
    }
}
