package io.vigil.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Vigil's database: the configured one ({@code spring.datasource.*}, or VIGIL_DB_URL / VIGIL_DB_USER /
 * VIGIL_DB_PASSWORD), else the embedded PostgreSQL with its data in {@code vigil.database.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(DataSourceProperties properties,
                                            @Value("${vigil.database.data-dir:vigil-data}") Path dataDirectory) {
        return StringUtils.hasText(properties.getUrl())
                ? EmbeddedDatabaseHolder.none()
                : new EmbeddedDatabaseHolder(EmbeddedDatabase.startOrAttach(dataDirectory));
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, EmbeddedDatabaseHolder embedded) {
        if (embedded.database() == null) {
            return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        }
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(embedded.database().jdbcUrl())
                .username(embedded.database().username())
                .build();
    }

    @Bean
    MonthlyPartitions monthlyPartitions(DSLContext dsl) {
        return new MonthlyPartitions(dsl);
    }

    /** Lets the data source depend on the embedded server's lifecycle even when there is none. */
    public record EmbeddedDatabaseHolder(EmbeddedDatabase database) implements AutoCloseable {

        static EmbeddedDatabaseHolder none() {
            return new EmbeddedDatabaseHolder(null);
        }

        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
