package io.vigil.database;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One read-only JDBC connection to Vigil's database, for a command that only reads: no pool, no
 * migration, no Spring. {@link #schemaIsCurrent} tells whether the database has every migration this
 * build ships; when it has not, the caller goes the daemon's way, which migrates.
 */
public final class DirectDatabase implements AutoCloseable {

    private static final Pattern MIGRATION = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

    private final EmbeddedDatabase embedded;
    private final Connection connection;
    private final DSLContext dsl;

    private DirectDatabase(EmbeddedDatabase embedded, Connection connection) {
        this.embedded = embedded;
        this.connection = connection;
        this.dsl = DSL.using(connection, SQLDialect.POSTGRES);
    }

    /** Connects to the configured database, or starts (or attaches to) the embedded one. */
    public static DirectDatabase open(DatabaseSettings settings) {
        EmbeddedDatabase embedded = settings.embedded() ? EmbeddedDatabase.startOrAttach(settings.dataDirectory()) : null;
        String url = embedded != null ? embedded.jdbcUrl() : settings.url();
        String username = embedded != null ? embedded.username() : settings.username();
        try {
            Connection connection = DriverManager.getConnection(url, username, embedded != null ? null : settings.password());
            connection.setReadOnly(true);
            return new DirectDatabase(embedded, connection);
        } catch (SQLException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw new IllegalStateException("could not connect to " + settings.describe() + ": " + e.getMessage()
                    + " (check spring.datasource.url / VIGIL_DB_URL, the user and the password)", e);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** True when every migration on the classpath has been applied successfully. */
    public boolean schemaIsCurrent() {
        String history = dsl.select(field("to_regclass({0})", String.class, DSL.val("vigil.flyway_schema_history")))
                .fetchOne(0, String.class);
        if (history == null) {
            return false;
        }
        Set<String> applied = new HashSet<>(dsl.select(field(name("version"), String.class))
                .from(table(name("vigil", "flyway_schema_history")))
                .where(field(name("success"), Boolean.class).isTrue(), field(name("version")).isNotNull())
                .fetch(0, String.class));
        return applied.containsAll(shippedVersions());
    }

    /** The versions of the V*__*.sql migrations this build ships, as Flyway records them ("9", "1.2"). */
    static Set<String> shippedVersions() {
        try {
            Set<String> versions = new HashSet<>();
            for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql")) {
                Matcher matcher = MIGRATION.matcher(String.valueOf(migration.getFilename()));
                if (matcher.matches()) {
                    versions.add(matcher.group(1).replace('_', '.'));
                }
            }
            if (versions.isEmpty()) {
                throw new IllegalStateException("no migrations found under classpath:db/migration: Vigil is packaged wrongly");
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException("could not list Vigil's migrations", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was written; the server drops the session.
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
