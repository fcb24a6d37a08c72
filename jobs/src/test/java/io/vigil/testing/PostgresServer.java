package io.vigil.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * One embedded PostgreSQL per test JVM. The migrations are applied once, to a template database; every
 * test class then gets its own database cloned from the template, which takes milliseconds.
 */
public final class PostgresServer {

    private static final String TEMPLATE = "vigil_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL for the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop, "embedded-postgres-stop"));
            createTemplate();
        }
        return server;
    }

    /** A new, migrated, empty database for one test class. */
    public static TestDatabase newDatabase(String hint) {
        EmbeddedPostgres pg = server();
        String name = name(hint);
        executeOnAdmin("CREATE DATABASE {0} TEMPLATE {1}", name, TEMPLATE);
        return new TestDatabase(name, pg.getJdbcUrl("postgres", name), "postgres", pg.getPort());
    }

    /** A new database without Vigil's schema, as a fresh installation meets it. */
    public static TestDatabase unmigratedDatabase(String hint) {
        EmbeddedPostgres pg = server();
        String name = name(hint);
        executeOnAdmin("CREATE DATABASE {0}", name, null);
        return new TestDatabase(name, pg.getJdbcUrl("postgres", name), "postgres", pg.getPort());
    }

    /**
     * A new database holding what {@code source} holds now: the same seeded state for every run of a
     * scenario. Nothing may be connected to {@code source} meanwhile.
     */
    public static TestDatabase copyOf(TestDatabase source, String hint) {
        EmbeddedPostgres pg = server();
        String name = name(hint);
        executeOnAdmin("CREATE DATABASE {0} TEMPLATE {1}", name, source.name());
        return new TestDatabase(name, pg.getJdbcUrl("postgres", name), "postgres", pg.getPort());
    }

    private static String name(String hint) {
        String name = ("t" + COUNTER.incrementAndGet() + "_" + hint).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    private static void createTemplate() {
        executeOnAdmin("CREATE DATABASE {0}", TEMPLATE, null);
        Flyway.configure()
                .dataSource(server.getDatabase("postgres", TEMPLATE))
                .schemas("vigil")
                .defaultSchema("vigil")
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private static void executeOnAdmin(String template, String first, String second) {
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            var dsl = DSL.using(connection, SQLDialect.POSTGRES);
            if (second == null) {
                dsl.execute(template, DSL.name(first));
            } else {
                dsl.execute(template, DSL.name(first), DSL.name(second));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare test database " + first, e);
        }
    }

    private static synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // The JVM is exiting; the temporary data directory goes with it.
        }
    }

    private PostgresServer() {
    }
}
