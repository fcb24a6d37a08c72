package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Checks a PostgreSQL server; its snapshot: version, connections, cache hit ratio, size, dead tuples,
 * unused indexes and the longest transaction, in as few round trips as possible.
 */
public final class PostgresProbe extends JdbcProbe {

    private static final Driver DRIVER = new org.postgresql.Driver();

    /** What a role without pg_read_all_stats (pg_monitor has it) is told about the figures it cannot see. */
    static final String NOT_VISIBLE = "not visible to this role: grant pg_monitor";

    // One round trip for the scalar figures. Only client backends count against max_connections. Names are
    // qualified with pg_catalog so that a target whose search_path puts its own objects first cannot
    // shadow them.
    //
    // pg_stat_activity shows a role without pg_read_all_stats every session, but other roles' with their
    // state and times NULL: counting its rows would still be right, yet the longest transaction would be
    // this role's own. So the count comes from pg_stat_database (numbackends, visible to every role: all
    // backends connected to a database, autovacuum workers included) unless the role sees everything, and
    // the longest transaction is reported only to a role that can see every session's.
    private static final String SNAPSHOT = """
            SELECT pg_catalog.current_setting('server_version') AS server_version,
                   pg_catalog.pg_postmaster_start_time() AS started_at,
                   pg_catalog.pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER') AS sees_all_sessions,
                   (SELECT count(*)::int FROM pg_catalog.pg_stat_activity
                     WHERE backend_type = 'client backend') AS client_backends,
                   (SELECT sum(numbackends)::int FROM pg_catalog.pg_stat_database) AS database_backends,
                   pg_catalog.current_setting('max_connections')::int AS connections_max,
                   (SELECT CASE WHEN blks_hit + blks_read = 0 THEN NULL
                                ELSE blks_hit::float8 / (blks_hit + blks_read) END
                      FROM pg_catalog.pg_stat_database
                     WHERE datname = pg_catalog.current_database()) AS cache_hit_ratio,
                   pg_catalog.pg_database_size(pg_catalog.current_database()) AS database_size,
                   (SELECT extract(epoch FROM max(pg_catalog.now() - xact_start))::float8
                      FROM pg_catalog.pg_stat_activity
                     WHERE state <> 'idle' AND pid <> pg_catalog.pg_backend_pid()) AS longest_transaction_seconds
            """;

    private static final String DEAD_TUPLES = """
            SELECT schemaname, relname, n_dead_tup
              FROM pg_catalog.pg_stat_user_tables
             WHERE n_dead_tup > 0
             ORDER BY n_dead_tup DESC, schemaname, relname
             LIMIT 5
            """;

    // Unique indexes are left out: they enforce a constraint, so "never scanned" does not mean "droppable".
    // Largest first, because that is where dropping one pays off.
    private static final String UNUSED_INDEXES = """
            SELECT s.schemaname, s.relname, s.indexrelname
              FROM pg_catalog.pg_stat_user_indexes s
              JOIN pg_catalog.pg_index i ON i.indexrelid = s.indexrelid
             WHERE s.idx_scan = 0 AND NOT i.indisunique
             ORDER BY pg_catalog.pg_relation_size(s.indexrelid) DESC, s.schemaname, s.relname, s.indexrelname
             LIMIT 10
            """;

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    Driver driver() {
        return DRIVER;
    }

    @Override
    String urlPrefix() {
        return "jdbc:postgresql://";
    }

    @Override
    void timeouts(Properties properties, ProbeAttempt attempt) {
        // connectTimeout and socketTimeout are whole seconds in this driver; loginTimeout takes fractions and
        // bounds the whole handshake, which is what stops a server that accepts TCP and then never answers.
        properties.setProperty("connectTimeout", Integer.toString(attempt.timeoutSeconds()));
        properties.setProperty("socketTimeout", Integer.toString(attempt.timeoutSeconds()));
        properties.setProperty("loginTimeout", Double.toString(attempt.timeoutMillis() / 1000.0));
        properties.setProperty("ApplicationName", "vigil-probe");
    }

    @Override
    DbStats snapshot(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        String version;
        Instant startedAt;
        boolean seesAllSessions;
        Integer connectionsUsed;
        Integer connectionsMax;
        Double cacheHitRatio;
        Long databaseSize;
        Double longestTransaction;
        try (PreparedStatement statement = connection.prepareStatement(SNAPSHOT);
             ResultSet row = statement.executeQuery()) {
            row.next();
            version = row.getString("server_version");
            startedAt = row.getObject("started_at", OffsetDateTime.class).toInstant();
            seesAllSessions = row.getBoolean("sees_all_sessions");
            connectionsUsed = row.getObject(seesAllSessions ? "client_backends" : "database_backends", Integer.class);
            connectionsMax = row.getObject("connections_max", Integer.class);
            cacheHitRatio = row.getObject("cache_hit_ratio", Double.class);
            databaseSize = row.getObject("database_size", Long.class);
            longestTransaction = seesAllSessions ? row.getObject("longest_transaction_seconds", Double.class) : null;
        }
        JdbcDeadline.bound(connection, attempt);
        List<Map<String, Object>> deadTuples = rows(connection, DEAD_TUPLES,
                row -> ordered("schema", row.getString(1), "table", row.getString(2), "deadTuples", row.getLong(3)));
        JdbcDeadline.bound(connection, attempt);
        List<Map<String, Object>> unusedIndexes = rows(connection, UNUSED_INDEXES,
                row -> ordered("schema", row.getString(1), "table", row.getString(2), "index", row.getString(3)));
        Map<String, Object> details = seesAllSessions
                ? ordered("deadTuples", deadTuples, "unusedIndexes", unusedIndexes)
                : ordered("deadTuples", deadTuples, "unusedIndexes", unusedIndexes,
                        DbStats.NOT_VISIBLE, ordered("longestTransactionSeconds", NOT_VISIBLE));
        return new DbStats(version, connectionsUsed, connectionsMax, cacheHitRatio, databaseSize, longestTransaction,
                null, null, null, startedAt, null, Map.of(), details);
    }

    private interface RowMapper {
        Map<String, Object> map(ResultSet row) throws SQLException;
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql, RowMapper mapper)
            throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(mapper.map(row));
            }
        }
        return List.copyOf(rows);
    }

    // Insertion-ordered, so the stored JSON reads in a stable, sensible order.
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
