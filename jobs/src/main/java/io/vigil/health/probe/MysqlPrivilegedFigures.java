package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The figures only a monitoring privilege shows: replica status, and on MySQL the deadlock count. Without
 * the privilege the server answers error 1227; the figure is then named not visible, with the grant this
 * server version needs, and the probe goes on.
 */
final class MysqlPrivilegedFigures {

    // Needs PROCESS. A disabled metric reads 0, which is no count of deadlocks.
    private static final String DEADLOCKS =
            "SELECT COUNT, STATUS FROM information_schema.INNODB_METRICS WHERE NAME = 'lock_deadlocks'";
    private static final int ACCESS_DENIED = 1227;
    private static final int SYNTAX_ERROR = 1064;

    /** Fills in the replication details and returns the lag, or records the replication not visible. */
    static Double replication(Connection connection, ProbeAttempt attempt, MysqlServer server,
                              Map<String, Object> details, Map<String, String> notVisible) throws SQLException {
        MysqlReplicaStatus replica;
        try {
            replica = MysqlReplicaStatus.of(replicaRows(connection, attempt, server), attempt::scrub);
        } catch (SQLException e) {
            notVisible.put("replication", reasonOrRethrow(e, server.replicaStatusGrant()));
            return null;
        }
        if (!replica.channels().isEmpty()) {
            details.put("replication", replica.channels());
        }
        if (replica.stoppedBecause() != null) {
            details.put(DbStats.REPLICATION_STOPPED, replica.stoppedBecause());
        }
        return replica.lagSeconds();
    }

    /** MySQL's deadlock count (MariaDB's is a status variable, read with the others). */
    static void deadlocks(Connection connection, ProbeAttempt attempt, Map<String, Long> counters,
                          Map<String, String> notVisible) throws SQLException {
        try {
            for (Map<String, String> metric : MysqlRows.rows(connection, attempt, DEADLOCKS)) {
                if ("enabled".equalsIgnoreCase(metric.get("STATUS"))) {
                    counters.put("lock_deadlocks", Long.valueOf(metric.get("COUNT").strip()));
                } else {
                    notVisible.put("lock_deadlocks",
                            "not counted by this server: SET GLOBAL innodb_monitor_enable = 'lock_deadlocks'");
                }
            }
        } catch (SQLException e) {
            notVisible.put("lock_deadlocks", reasonOrRethrow(e, "PROCESS"));
        }
    }

    // The statement this version knows, then the other one if the server calls it a syntax error after all.
    private static List<Map<String, String>> replicaRows(Connection connection, ProbeAttempt attempt,
                                                         MysqlServer server) throws SQLException {
        Iterator<String> statements = server.replicaStatusStatements().iterator();
        while (true) {
            try {
                return MysqlRows.rows(connection, attempt, statements.next());
            } catch (SQLException e) {
                if (e.getErrorCode() != SYNTAX_ERROR || !statements.hasNext()) {
                    throw e;
                }
            }
        }
    }

    private static String reasonOrRethrow(SQLException e, String grant) throws SQLException {
        if (e.getErrorCode() != ACCESS_DENIED) {
            throw e;
        }
        return "not visible to this user: grant " + grant;
    }

    private MysqlPrivilegedFigures() {
    }
}
