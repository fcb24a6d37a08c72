package io.vigil.runs;

import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * What a {@link QueryProvider} builds its queries from: one connection to Vigil's database, the clock,
 * and the configuration as the daemon would see it (files, environment, command line).
 */
public record QuerySupport(DSLContext dsl, Clock clock, Binder settings) {

    /** A setting that application.yml gives a default, so a missing one is a packaging error. */
    public Duration duration(String key) {
        return settings.bind(key, Duration.class)
                .orElseThrow(() -> new IllegalStateException(key + " is not set: Vigil's application.yml is missing"));
    }

    public String string(String key) {
        return settings.bind(key, String.class)
                .orElseThrow(() -> new IllegalStateException(key + " is not set: Vigil's application.yml is missing"));
    }
}
