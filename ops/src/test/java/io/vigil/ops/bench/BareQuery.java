package io.vigil.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The yardstick of {@link CommandLatencyBenchmark}: a JVM that opens one JDBC connection and runs one query. */
public final class BareQuery {

    private BareQuery() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], null);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from vigil.batch_job_execution")) {
            rows.next();
            System.out.println(rows.getLong(1) + " runs");
        }
    }
}
