package io.vigil.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where a probe's time goes on the server: pg_stat_statements' figures for the statements run in the
 * benchmark's database, so that a slow query of a grown probe shows by name. Only where the server
 * preloads pg_stat_statements (the embedded server of the benchmark does).
 */
final class StatementTimes {

    private static final String TOP = """
            SELECT calls, total_exec_time / calls AS mean_ms, max_exec_time AS max_ms, query
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
               AND query NOT LIKE '%pg_stat_statements%'
             ORDER BY total_exec_time DESC
             LIMIT 12
            """;

    /** Starts counting from zero; false if the server does not preload pg_stat_statements. */
    static boolean reset(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('shared_preload_libraries')")) {
            row.next();
            if (!row.getString(1).contains("pg_stat_statements")) {
                return false;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
        return true;
    }

    static void print(Connection connection) throws SQLException {
        System.out.println("server-side time per statement (pg_stat_statements), most total time first:");
        System.out.println("   calls  mean ms   max ms  statement");
        try (PreparedStatement statement = connection.prepareStatement(TOP); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                String query = row.getString("query").replaceAll("\\s+", " ").trim();
                System.out.printf(Locale.ROOT, "%8d %8.2f %8.2f  %s%n", row.getLong("calls"), row.getDouble("mean_ms"),
                        row.getDouble("max_ms"), query.length() > 110 ? query.substring(0, 110) + "..." : query);
            }
        }
    }

    private StatementTimes() {
    }
}
