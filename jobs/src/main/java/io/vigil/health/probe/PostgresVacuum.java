package io.vigil.health.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What autovacuum is up against: how close the oldest database is to transaction ID wraparound, and the
 * tables with the most dead tuples, each with the threshold autovacuum judges it by (its own settings where
 * it has them) and when it was last vacuumed and analysed.
 */
final class PostgresVacuum {

    // The server refuses new transactions about 2^31 - 3 million transactions past the oldest frozen one.
    static final long WRAPAROUND_LIMIT = 2_147_483_648L;

    private static final String OLDEST_DATABASES = """
            SELECT datname, pg_catalog.age(datfrozenxid)::bigint AS xid_age,
                   pg_catalog.mxid_age(datminmxid)::bigint AS multixact_age
              FROM pg_catalog.pg_database
             ORDER BY pg_catalog.age(datfrozenxid) DESC, datname
             LIMIT 3
            """;

    // autovacuum vacuums a table once n_dead_tup exceeds threshold + scale_factor * reltuples, with the
    // table's own storage parameters in place of the server's where it sets them.
    private static final String TABLES = """
            SELECT s.schemaname, s.relname, s.n_live_tup, s.n_dead_tup,
                   s.last_vacuum, s.last_autovacuum, s.last_analyze, s.last_autoanalyze, s.autovacuum_count,
                   coalesce(o.enabled, 'true')::boolean AS autovacuum_enabled,
                   (coalesce(o.threshold, pg_catalog.current_setting('autovacuum_vacuum_threshold'))::float8
                    + coalesce(o.scale_factor, pg_catalog.current_setting('autovacuum_vacuum_scale_factor'))::float8
                      * greatest(c.reltuples, 0))::bigint AS vacuum_threshold,
                   o.settings
              FROM pg_catalog.pg_stat_user_tables s
              JOIN pg_catalog.pg_class c ON c.oid = s.relid
              LEFT JOIN LATERAL (
                  SELECT max(option_value) FILTER (WHERE option_name = 'autovacuum_enabled') AS enabled,
                         max(option_value) FILTER (WHERE option_name = 'autovacuum_vacuum_threshold') AS threshold,
                         max(option_value) FILTER (WHERE option_name = 'autovacuum_vacuum_scale_factor') AS scale_factor,
                         pg_catalog.string_agg(option_name || '=' || option_value, ', ' ORDER BY option_name)
                           FILTER (WHERE option_name LIKE 'autovacuum%' OR option_name = 'toast.autovacuum_enabled')
                           AS settings
                    FROM pg_catalog.pg_options_to_table(c.reloptions)) o ON true
             WHERE s.n_dead_tup > 0
             ORDER BY s.n_dead_tup DESC, s.schemaname, s.relname
             LIMIT 5
            """;

    private PostgresVacuum() {
    }

    static Map<String, Object> wraparound(Connection connection, ProbeAttempt attempt, PostgresServerFigures server)
            throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        List<Map<String, Object>> databases = JdbcRows.rows(connection, OLDEST_DATABASES, row -> {
            long age = row.getLong("xid_age");
            return DetailMaps.ordered("database", row.getString("datname"), "xidAge", age,
                    "multixactAge", JdbcRows.longOrNull(row, "multixact_age"),
                    "percentOfFreezeMaxAge", percent(age, server.freezeMaxAge()),
                    "percentToWraparound", percent(age, WRAPAROUND_LIMIT));
        });
        return DetailMaps.ordered("freezeMaxAge", server.freezeMaxAge(), "oldestDatabases", databases);
    }

    static List<Map<String, Object>> tables(Connection connection, ProbeAttempt attempt) throws SQLException {
        JdbcDeadline.bound(connection, attempt);
        return JdbcRows.rows(connection, TABLES, row -> {
            long dead = row.getLong("n_dead_tup");
            long threshold = row.getLong("vacuum_threshold");
            return DetailMaps.ordered("schema", row.getString("schemaname"), "table", row.getString("relname"),
                    "liveTuples", row.getLong("n_live_tup"), "deadTuples", dead, "vacuumThreshold", threshold,
                    "overThreshold", dead > threshold, "autovacuumEnabled", row.getBoolean("autovacuum_enabled"),
                    "lastVacuum", JdbcRows.isoInstant(row, "last_vacuum"),
                    "lastAutovacuum", JdbcRows.isoInstant(row, "last_autovacuum"),
                    "lastAnalyze", JdbcRows.isoInstant(row, "last_analyze"),
                    "lastAutoanalyze", JdbcRows.isoInstant(row, "last_autoanalyze"),
                    "autovacuumCount", row.getLong("autovacuum_count"),
                    "settings", row.getString("settings"));
        });
    }

    private static double percent(long age, long limit) {
        return Math.round(age * 1000.0 / limit) / 10.0;
    }
}
