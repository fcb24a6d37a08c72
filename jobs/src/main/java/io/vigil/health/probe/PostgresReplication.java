package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replication as a PostgreSQL server sees it: the standbys streaming from it with their lag, the
 * replication slots with the WAL they hold back, and, on a standby, its own replay lag. The lag reported
 * is the furthest-behind copy's; a slot nobody is using, or a standby not streaming, is replication that
 * has stopped (an unused slot also keeps WAL until the disk fills).
 */
final class PostgresReplication {

    // A caught-up, idle standby shows NULL lag times (the server stops measuring when there is nothing to
    // replay), so a streaming standby with NULL lag and nothing left to replay is 0 seconds behind.
    private static final String STANDBYS = """
            SELECT application_name, pg_catalog.host(client_addr) AS client_addr, state, sync_state,
                   extract(epoch FROM replay_lag)::float8 AS replay_lag_seconds,
                   pg_catalog.pg_wal_lsn_diff(
                       CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_receive_lsn()
                            ELSE pg_catalog.pg_current_wal_lsn() END, replay_lsn)::bigint AS replay_bytes_behind
              FROM pg_catalog.pg_stat_replication
             ORDER BY application_name, client_addr
            """;

    private static final String SLOTS = """
            SELECT slot_name, slot_type, active, wal_status,
                   pg_catalog.pg_wal_lsn_diff(
                       CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_receive_lsn()
                            ELSE pg_catalog.pg_current_wal_lsn() END, restart_lsn)::bigint AS retained_bytes
              FROM pg_catalog.pg_replication_slots
             ORDER BY slot_name
            """;

    record Replication(Double lagSeconds, String stopped, Map<String, Object> details) {
    }

    private PostgresReplication() {
    }

    static Replication read(Connection connection, ProbeAttempt attempt, PostgresServerFigures server)
            throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        List<Map<String, Object>> standbys = JdbcRows.columns(connection, STANDBYS, ResultSet::getObject);
        JdbcDeadline.bound(connection, attempt);
        List<Map<String, Object>> slots = JdbcRows.columns(connection, SLOTS, ResultSet::getObject);
        return of(server.inRecovery(), server.standbyLagSeconds(), server.walReceiverStatus(), server.seesAllSessions(),
                standbys, slots);
    }

    /**
     * What the rows of pg_stat_replication and pg_replication_slots (as the queries above name their columns)
     * mean, apart from reading them, so that outputs captured from real standbys can be judged too.
     *
     * @param seesWalReceiver whether the role may read the WAL receiver's status (else it reads as null)
     */
    static Replication of(boolean inRecovery, Double standbyLagSeconds, String walReceiverStatus,
                          boolean seesWalReceiver, List<Map<String, Object>> standbyRows,
                          List<Map<String, Object>> slotRows) {
        List<Map<String, Object>> standbys = standbyRows.stream().map(PostgresReplication::standby).toList();
        List<Map<String, Object>> slots = slotRows.stream().map(PostgresReplication::slot).toList();
        Double lag = inRecovery ? standbyLagSeconds : null;
        for (Map<String, Object> standby : standbys) {
            if (standby.get("replayLagSeconds") instanceof Double standbyLag) {
                lag = lag == null ? standbyLag : Math.max(lag, standbyLag);
            }
        }
        List<String> stopped = new ArrayList<>();
        if (inRecovery && seesWalReceiver && !"streaming".equals(walReceiverStatus)) {
            stopped.add(walReceiverStatus == null ? "standby not streaming from a primary (no WAL receiver)"
                    : "standby's WAL receiver is " + walReceiverStatus + ", not streaming");
        }
        for (Map<String, Object> slot : slots) {
            if (Boolean.FALSE.equals(slot.get("active"))) {
                stopped.add("replication slot '" + slot.get("name") + "' has no consumer"
                        + (slot.get("retainedBytes") instanceof Long bytes ? " and holds " + megabytes(bytes) + " of WAL" : ""));
            }
        }
        Map<String, Object> details = DetailMaps.ordered(
                "role", inRecovery ? "standby" : "primary",
                "standbys", standbys.isEmpty() ? null : standbys,
                "replicationSlots", slots.isEmpty() ? null : slots);
        return new Replication(lag, stopped.isEmpty() ? null : String.join("; ", stopped), details);
    }

    private static Map<String, Object> standby(Map<String, Object> row) {
        Long bytesBehind = whole(row.get("replay_bytes_behind"));
        return DetailMaps.ordered("name", row.get("application_name"), "address", row.get("client_addr"),
                "state", row.get("state"), "sync", row.get("sync_state"),
                "replayLagSeconds", lag(decimal(row.get("replay_lag_seconds")), (String) row.get("state"), bytesBehind),
                "replayBytesBehind", bytesBehind);
    }

    private static Map<String, Object> slot(Map<String, Object> row) {
        return DetailMaps.ordered("name", row.get("slot_name"), "type", row.get("slot_type"), "active", row.get("active"),
                "walStatus", row.get("wal_status"), "retainedBytes", whole(row.get("retained_bytes")));
    }

    private static Long whole(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    private static Double decimal(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private static String megabytes(long bytes) {
        // Binary megabytes, as pg_size_pretty and the command line count them.
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private static Double lag(Double measured, String state, Long bytesBehind) {
        if (measured != null) {
            return measured;
        }
        return "streaming".equals(state) && bytesBehind != null && bytesBehind == 0 ? 0.0 : null;
    }
}
