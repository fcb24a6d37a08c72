package io.vigil.query;

import io.vigil.database.DatabaseSettings;
import io.vigil.database.DirectDatabase;
import io.vigil.runs.QueryProvider;
import io.vigil.runs.QuerySupport;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The query classes of every job family, built on one direct connection instead of the Spring context:
 * what lets {@code vigil jobs list} and its kind answer in well under a second. The connection is opened
 * on the first query asked for; a database that lacks this build's migrations serves none, so that the
 * caller goes the daemon's way, which migrates it first.
 */
public final class ReadOnlyQueries implements AutoCloseable {

    private final Map<Class<?>, Object> built = new HashMap<>();
    private final Binder settings;
    private final Clock clock;
    private DirectDatabase database;
    private Boolean usable;

    public ReadOnlyQueries(Binder settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether some provider builds {@code type}: asking needs neither the settings nor a connection. */
    public static boolean serves(Class<?> type) {
        return type == Clock.class || Providers.FACTORIES.containsKey(type);
    }

    /** The query, or empty when the database is not migrated to this build yet. */
    public synchronized <T> Optional<T> find(Class<T> type) {
        if (!serves(type) || !usable()) {
            return Optional.empty();
        }
        if (type == Clock.class) {
            return Optional.of(type.cast(clock));
        }
        QuerySupport support = new QuerySupport(database.dsl(), clock, settings);
        return Optional.of(type.cast(built.computeIfAbsent(type, t -> Providers.FACTORIES.get(t).apply(support))));
    }

    private boolean usable() {
        if (usable == null) {
            database = DirectDatabase.open(DatabaseSettings.from(settings));
            usable = database.schemaIsCurrent();
        }
        return usable;
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
        }
    }

    /** Every family's providers, read once per process. */
    private static final class Providers {

        static final Map<Class<?>, Function<QuerySupport, ?>> FACTORIES = load();

        private static Map<Class<?>, Function<QuerySupport, ?>> load() {
            Map<Class<?>, Function<QuerySupport, ?>> factories = new HashMap<>();
            for (QueryProvider provider : ServiceLoader.load(QueryProvider.class)) {
                provider.queries().forEach((type, factory) -> {
                    if (factories.putIfAbsent(type, factory) != null) {
                        throw new IllegalStateException(type.getName() + " is served by two query providers");
                    }
                });
            }
            return Map.copyOf(factories);
        }
    }
}
