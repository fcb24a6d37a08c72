package io.vigil.event;

import io.vigil.runs.QueryProvider;
import io.vigil.runs.QuerySupport;
import java.util.Map;
import java.util.function.Function;

/** {@code vigil events summary}. */
public final class EventQueryProvider implements QueryProvider {

    @Override
    public Map<Class<?>, Function<QuerySupport, ?>> queries() {
        return Map.of(EventSummaryQuery.class, s -> new EventSummaryQuery(s.dsl(), s.clock()));
    }
}
