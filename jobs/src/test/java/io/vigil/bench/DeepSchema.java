package io.vigil.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the deep probe is measured against: {@code tables} tables of 100 rows, each with three
 * indexes (its primary key and two more); every third table with 20 dead tuples, every other table's
 * {@code a} index scanned once, the rest never. Autovacuum is off on every table, so nothing changes
 * between the measured probes.
 */
final class DeepSchema {

    static final int ROWS = 100;
    static final int DEAD = 20;

    record Made(int tables, int indexes, int withDeadTuples, int scannedIndexes) {
    }

    static Made create(Connection connection, int tables) throws SQLException {
        connection.setAutoCommit(false);
        int dead = 0;
        int scanned = 0;
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < tables; i++) {
                // Names from the loop counter only: the statements are the benchmark's own.
                String table = String.format("deep_%04d", i);
                statement.addBatch("CREATE TABLE " + table + " (id int PRIMARY KEY, a int, b text, c timestamptz)"
                        + " WITH (autovacuum_enabled = false)");
                statement.addBatch("CREATE INDEX " + table + "_a ON " + table + " (a)");
                statement.addBatch("CREATE INDEX " + table + "_b_c ON " + table + " (b, c)");
                statement.addBatch("INSERT INTO " + table + " SELECT g, g % 10, 'row ' || g, now() - g * interval '1 minute'"
                        + " FROM generate_series(1, " + ROWS + ") g");
                if (i % 3 == 0) {
                    statement.addBatch("DELETE FROM " + table + " WHERE id <= " + DEAD);
                    dead++;
                }
                if (i % 100 == 99) {
                    statement.executeBatch();
                    connection.commit();
                }
            }
            statement.executeBatch();
            connection.commit();
            statement.execute("SET enable_seqscan = off");
            for (int i = 0; i < tables; i += 2) {
                statement.execute(String.format("SELECT count(*) FROM deep_%04d WHERE a = 5", i));
                scanned++;
            }
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("ANALYZE");
        }
        return new Made(tables, 3 * tables, dead, scanned);
    }

    private DeepSchema() {
    }
}
