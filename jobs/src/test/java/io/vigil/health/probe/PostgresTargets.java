package io.vigil.health.probe;

import io.vigil.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Databases on the test JVM's embedded PostgreSQL as probe targets, and plain JDBC to put them in a state. */
final class PostgresTargets {

    private PostgresTargets() {
    }

    /** A new database of its own, so that what a probe lists is only what the test made there. */
    static String createDatabase(TestDatabase db, String suffix) throws SQLException {
        String database = db.name() + "_" + suffix;
        execute(db, db.name(), "CREATE DATABASE " + database);
        return database;
    }

    static ProbeTarget target(TestDatabase db, String database) {
        return new ProbeTarget("orders", Provider.POSTGRESQL, address(db, database), db.user(), null,
                Duration.ofSeconds(5));
    }

    static String address(TestDatabase db, String database) {
        return "127.0.0.1:" + db.port() + "/" + database;
    }

    static Connection connect(TestDatabase db, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + db.port() + "/" + database, db.user(), "");
    }

    static void execute(TestDatabase db, String database, String... statements) throws SQLException {
        try (Connection connection = connect(db, database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
