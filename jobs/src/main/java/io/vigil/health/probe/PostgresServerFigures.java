package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server-wide and current-database figures of a PostgreSQL target, in one round trip: connections,
 * cache, size, restarts, the database's counters, checkpoints, the archiver, wraparound and standby state.
 * Names are qualified with pg_catalog so that a target whose search_path puts its own objects first cannot
 * shadow them.
 */
record PostgresServerFigures(String version, Instant startedAt, boolean seesAllSessions, boolean inRecovery,
                             Integer connectionsUsed, Integer connectionsMax, Integer reservedConnections,
                             Double cacheHitRatio, Long databaseSize, Double longestTransactionSeconds,
                             Double standbyLagSeconds, String walReceiverStatus, String archiveMode,
                             Instant lastArchivedAt, Instant lastArchiveFailedAt, String lastArchiveFailedWal,
                             boolean autovacuumOn, long freezeMaxAge, Instant statsReset, String statementsSchema,
                             Map<String, Long> counters) {

    // pg_stat_activity shows a role without pg_read_all_stats every session, but other roles' with their
    // state and times NULL: counting its rows would still be right, yet the longest transaction would be
    // this role's own. So the count comes from pg_stat_database (numbackends, visible to every role: all
    // backends connected to a database, autovacuum workers included) unless the role sees everything.
    //
    // Ordinary clients are refused at max_connections less the slots reserved for superusers (and, from
    // 16, for pg_use_reserved_connections): that is the limit "connections near the limit" is judged on.
    //
    // The statement timeout is set first, so every later catalog query of this probe is cancelled by the
    // server itself if it outlasts the probe, instead of running on after the probe gave up.
    private static final String QUERY = """
            SELECT pg_catalog.set_config('statement_timeout', ?, false) AS statement_timeout,
                   pg_catalog.current_setting('server_version') AS server_version,
                   pg_catalog.pg_postmaster_start_time() AS started_at,
                   pg_catalog.pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER') AS sees_all_sessions,
                   pg_catalog.pg_is_in_recovery() AS in_recovery,
                   (SELECT count(*)::int FROM pg_catalog.pg_stat_activity
                     WHERE backend_type = 'client backend') AS client_backends,
                   (SELECT sum(numbackends)::int FROM pg_catalog.pg_stat_database) AS database_backends,
                   pg_catalog.current_setting('max_connections')::int AS max_connections,
                   pg_catalog.current_setting('superuser_reserved_connections')::int
                     + coalesce(pg_catalog.current_setting('reserved_connections', true), '0')::int AS reserved,
                   pg_catalog.pg_database_size(pg_catalog.current_database()) AS database_size,
                   (SELECT extract(epoch FROM max(pg_catalog.now() - xact_start))::float8
                      FROM pg_catalog.pg_stat_activity
                     WHERE state <> 'idle' AND pid <> pg_catalog.pg_backend_pid()) AS longest_transaction_seconds,
                   CASE WHEN pg_catalog.pg_is_in_recovery() THEN
                     CASE WHEN pg_catalog.pg_last_wal_receive_lsn() = pg_catalog.pg_last_wal_replay_lsn() THEN 0
                          ELSE extract(epoch FROM pg_catalog.now() - pg_catalog.pg_last_xact_replay_timestamp())::float8
                     END
                   END AS standby_lag_seconds,
                   (SELECT status FROM pg_catalog.pg_stat_wal_receiver) AS wal_receiver_status,
                   pg_catalog.current_setting('archive_mode') AS archive_mode,
                   a.archived_count, a.failed_count, a.last_archived_time, a.last_failed_time, a.last_failed_wal,
                   pg_catalog.current_setting('autovacuum')::boolean AS autovacuum_on,
                   pg_catalog.current_setting('autovacuum_freeze_max_age')::bigint AS freeze_max_age,
                   d.blks_hit, d.blks_read, d.xact_commit, d.xact_rollback, d.deadlocks, d.conflicts,
                   d.temp_files, d.temp_bytes, d.stats_reset,
                   %s,
                   (SELECT n.nspname FROM pg_catalog.pg_extension e
                      JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
                     WHERE e.extname = 'pg_stat_statements') AS statements_schema
              FROM pg_catalog.pg_stat_database d, pg_catalog.pg_stat_archiver a
             WHERE d.datname = pg_catalog.current_database()
            """;

    // PostgreSQL 17 moved the checkpoint counters out of pg_stat_bgwriter into pg_stat_checkpointer.
    private static final String CHECKPOINTS_BEFORE_17 = """
            (SELECT checkpoints_timed FROM pg_catalog.pg_stat_bgwriter) AS checkpoints_timed,
                   (SELECT checkpoints_req FROM pg_catalog.pg_stat_bgwriter) AS checkpoints_req""";
    private static final String CHECKPOINTS_FROM_17 = """
            (SELECT num_timed FROM pg_catalog.pg_stat_checkpointer) AS checkpoints_timed,
                   (SELECT num_requested FROM pg_catalog.pg_stat_checkpointer) AS checkpoints_req""";

    private static final String[] COUNTERS = {"blks_hit", "blks_read", "xact_commit", "xact_rollback", "deadlocks",
            "conflicts", "temp_files", "temp_bytes", "checkpoints_timed", "checkpoints_req", "archived_count",
            "failed_count"};

    /** The driver knows the server's version from the handshake, so the right variant costs no round trip. */
    static PostgresServerFigures read(Connection connection, ProbeAttempt attempt) throws SQLException {
        int major = connection.getMetaData().getDatabaseMajorVersion();
        String sql = QUERY.formatted(major >= 17 ? CHECKPOINTS_FROM_17 : CHECKPOINTS_BEFORE_17);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, Math.max(1, attempt.remaining().toMillis()) + "ms");
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return of(row);
            }
        }
    }

    private static PostgresServerFigures of(ResultSet row) throws SQLException {
        boolean seesAll = row.getBoolean("sees_all_sessions");
        int max = row.getInt("max_connections");
        int reserved = row.getInt("reserved");
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String counter : COUNTERS) {
            Long value = JdbcRows.longOrNull(row, counter);
            if (value != null) {
                counters.put(counter, value);
            }
        }
        return new PostgresServerFigures(row.getString("server_version"),
                row.getObject("started_at", OffsetDateTime.class).toInstant(), seesAll, row.getBoolean("in_recovery"),
                row.getObject(seesAll ? "client_backends" : "database_backends", Integer.class),
                max - reserved, reserved,
                HitRatio.share(counters.get("blks_hit"), counters.get("blks_read")),
                JdbcRows.longOrNull(row, "database_size"),
                seesAll ? JdbcRows.doubleOrNull(row, "longest_transaction_seconds") : null,
                JdbcRows.doubleOrNull(row, "standby_lag_seconds"), row.getString("wal_receiver_status"),
                row.getString("archive_mode"), JdbcRows.instant(row, "last_archived_time"),
                JdbcRows.instant(row, "last_failed_time"), row.getString("last_failed_wal"),
                row.getBoolean("autovacuum_on"), row.getLong("freeze_max_age"), JdbcRows.instant(row, "stats_reset"),
                row.getString("statements_schema"), counters);
    }

    /** The archiver is failing when its last failure is later than its last success. */
    boolean archiveFailing() {
        return lastArchiveFailedAt != null
                && (lastArchivedAt == null || lastArchiveFailedAt.isAfter(lastArchivedAt));
    }
}
