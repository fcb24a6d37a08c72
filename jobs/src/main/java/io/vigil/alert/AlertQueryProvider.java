package io.vigil.alert;

import io.vigil.alert.silence.SilenceRepository;
import io.vigil.runs.QueryProvider;
import io.vigil.runs.QuerySupport;
import java.util.Map;
import java.util.function.Function;

/** {@code vigil alerts list}. */
public final class AlertQueryProvider implements QueryProvider {

    @Override
    public Map<Class<?>, Function<QuerySupport, ?>> queries() {
        return Map.of(AlertQueries.class, s -> new AlertQueries(s.dsl(), new SilenceRepository(), s.clock()));
    }
}
