package io.vigil.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.StringUtils;

/**
 * Which database Vigil uses, read from its configuration as the daemon reads it: the configured one
 * ({@code spring.datasource.*}, which application.yml fills from VIGIL_DB_URL / VIGIL_DB_USER /
 * VIGIL_DB_PASSWORD), else the embedded PostgreSQL with its data in {@code vigil.database.data-dir}.
 */
public record DatabaseSettings(String url, String username, String password, Path dataDirectory) {

    public static DatabaseSettings from(Binder settings) {
        return new DatabaseSettings(text(settings, "spring.datasource.url"), text(settings, "spring.datasource.username"),
                text(settings, "spring.datasource.password"),
                Path.of(settings.bind("vigil.database.data-dir", String.class).orElse("vigil-data")));
    }

    public boolean embedded() {
        return url == null;
    }

    /** Where the data is, for messages: the URL without its query string, which may carry a password. */
    public String describe() {
        if (embedded()) {
            return "the embedded PostgreSQL in " + dataDirectory.toAbsolutePath();
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user " + username + "]";
    }

    private static String text(Binder settings, String key) {
        String value = settings.bind(key, String.class).orElse(null);
        return StringUtils.hasText(value) ? value : null;
    }
}
