package io.vigil.compatibility;

import io.vigil.testing.PostgresVersions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a server says about itself, read as superuser straight from the catalog views: the facts the
 * probe's figures are compared with, and the proof that {@link InterestingStates} made what it meant to.
 */
record ServerState(long churnDeadTuples, long rollbacks, long deadlocks, long tempFiles, long archiveFailures,
                   boolean slotExists, boolean statementsInstalled) {

    private static final String READ = """
            SELECT (SELECT n_dead_tup FROM pg_catalog.pg_stat_user_tables
                     WHERE schemaname = 'public' AND relname = 'churn') AS churn_dead_tuples,
                   d.xact_rollback, d.deadlocks, d.temp_files, a.failed_count,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_replication_slots
                            WHERE slot_name = 'vigil_test_slot') AS slot_exists,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_extension
                            WHERE extname = 'pg_stat_statements') AS statements_installed
              FROM pg_catalog.pg_stat_database d, pg_catalog.pg_stat_archiver a
             WHERE d.datname = pg_catalog.current_database()
            """;

    static ServerState read(PostgresVersions.Server server, String database) {
        try (Connection connection = server.connect(database);
             PreparedStatement statement = connection.prepareStatement(READ);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return new ServerState(row.getLong("churn_dead_tuples"), row.getLong("xact_rollback"),
                    row.getLong("deadlocks"), row.getLong("temp_files"), row.getLong("failed_count"),
                    row.getBoolean("slot_exists"), row.getBoolean("statements_installed"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the state of PostgreSQL " + server.major(), e);
        }
    }

    /** Every statistic has reached the views (they are flushed asynchronously, up to seconds later). */
    boolean complete() {
        return churnDeadTuples == InterestingStates.DELETED && rollbacks > 0 && deadlocks > 0 && tempFiles > 0
                && archiveFailures > 0 && slotExists && statementsInstalled;
    }
}
