package io.vigil.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;

/**
 * Build-time generator: applies the real migrations to a throw-away embedded PostgreSQL and generates
 * jOOQ classes from the resulting schema, so the classes can never drift from the migrations.
 */
public final class GenerateJooq {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GenerateJooq <target directory>");
        }
        Path target = Path.of(args[0]);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas("vigil")
                    .defaultSchema("vigil")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            try (Connection connection = dataSource.getConnection()) {
                GenerationTool tool = new GenerationTool();
                tool.setConnection(connection);
                tool.run(configuration(target));
            }
        }
    }

    private static Configuration configuration(Path target) {
        return new Configuration().withGenerator(new Generator()
                .withDatabase(new Database()
                        .withName("org.jooq.meta.postgres.PostgresDatabase")
                        .withInputSchema("vigil")
                        .withExcludes("flyway_schema_history")
                        // Every timestamptz is an instant on the time line; the code works in Instant, and JDBC's
                        // OffsetDateTime (always UTC from PostgreSQL) added nothing but conversions. jOOQ's built-in
                        // INSTANT type binds it; timestamp without time zone (Spring Batch's tables) is left alone.
                        .withForcedTypes(new ForcedType()
                                .withName("INSTANT")
                                .withIncludeTypes("(?i:timestamp\\ with\\ time\\ zone|timestamptz)")))
                .withGenerate(new Generate()
                        .withJavaTimeTypes(true)
                        .withRecords(true)
                        .withPojos(false)
                        .withDaos(false))
                .withTarget(new Target()
                        .withPackageName("io.vigil.db.jooq")
                        .withDirectory(target.toString())
                        .withClean(true)));
    }

    private GenerateJooq() {
    }
}
