package io.vigil.health.probe;

import static io.vigil.health.probe.PostgresTargets.connect;
import static io.vigil.health.probe.PostgresTargets.execute;
import static io.vigil.health.probe.PostgresTargets.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.EmbeddedPostgresExtension;
import io.vigil.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A part of a snapshot that fails is named with why, and the parts after it are still read. */
@ExtendWith(EmbeddedPostgresExtension.class)
class ProbeSectionsTest {

    @Test
    void eachFailureIsRecordedWithWhyAndTheNextPartIsStillRead(TestDatabase db) throws SQLException {
        execute(db, db.name(), "DROP ROLE IF EXISTS vigil_sections_plain", "CREATE ROLE vigil_sections_plain LOGIN");
        try (Connection plain = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + db.port() + "/" + db.name(), "vigil_sections_plain", "")) {
            ProbeSections sections = new ProbeSections(plain, new ProbeAttempt(target(db, db.name())), "grant it");

            Object refused = sections.read("authid", () -> count(plain, "SELECT count(*) FROM pg_catalog.pg_authid"));
            Object missing = sections.read("missing", () -> count(plain, "SELECT count(*) FROM no_such_view"));
            Object cancelled = sections.read("slow", () -> {
                try (Statement statement = plain.createStatement()) {
                    statement.execute("SET statement_timeout = '1ms'");
                }
                return count(plain, "SELECT count(*) FROM pg_catalog.pg_sleep(1)");
            });
            Long read = sections.read("roles", () -> {
                try (Statement statement = plain.createStatement()) {
                    statement.execute("RESET statement_timeout");
                }
                return count(plain, "SELECT count(*) FROM pg_catalog.pg_roles");
            });

            Map<String, Object> details = new LinkedHashMap<>();
            sections.into(details);
            assertThat(refused).isNull();
            assertThat(missing).isNull();
            assertThat(cancelled).isNull();
            assertThat(read).isPositive();
            assertThat(details).containsEntry(DbStats.NOT_VISIBLE, Map.of("authid", "grant it"));
            @SuppressWarnings("unchecked")
            Map<String, String> unavailable = (Map<String, String>) details.get(ProbeSections.UNAVAILABLE);
            assertThat(unavailable.get("missing")).contains("relation \"no_such_view\" does not exist");
            assertThat(unavailable.get("slow")).isEqualTo("not read within the probe's timeout of 5000 ms");
            assertThat(unavailable).doesNotContainKey("roles");
        } finally {
            execute(db, db.name(), "DROP ROLE vigil_sections_plain");
        }
    }

    @Test
    void onceTheConnectionIsGoneEveryLaterPartIsNamedAsNotRead(TestDatabase db) throws SQLException {
        Connection connection = connect(db, db.name());
        ProbeSections sections = new ProbeSections(connection, new ProbeAttempt(target(db, db.name())), "grant it");
        connection.close();

        Object value = sections.read("later", () -> count(connection, "SELECT 1"));

        Map<String, Object> details = new LinkedHashMap<>();
        sections.into(details);
        assertThat(value).isNull();
        assertThat(details).containsEntry(ProbeSections.UNAVAILABLE,
                Map.of("later", "not read within the probe's timeout of 5000 ms"));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); var row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
