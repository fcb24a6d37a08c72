package io.vigil.health.fleet;

import io.vigil.runs.QueryProvider;
import io.vigil.runs.QuerySupport;
import java.util.Map;
import java.util.function.Function;

/** {@code vigil fleet list} and {@code fleet show}. */
public final class FleetQueryProvider implements QueryProvider {

    @Override
    public Map<Class<?>, Function<QuerySupport, ?>> queries() {
        return Map.of(FleetQueries.class, s -> new FleetQueries(s.dsl()),
                ConnectionDetailQuery.class, s -> new ConnectionDetailQuery(s.dsl(), s.clock()));
    }
}
