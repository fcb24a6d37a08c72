package io.vigil.schedule;

import io.vigil.runs.QueryProvider;
import io.vigil.runs.QuerySupport;
import java.util.Map;
import java.util.function.Function;

/** {@code vigil schedule list}. */
public final class ScheduleQueryProvider implements QueryProvider {

    @Override
    public Map<Class<?>, Function<QuerySupport, ?>> queries() {
        return Map.of(ScheduleQueries.class, s -> new ScheduleQueries(s.dsl(), s.string("spring.quartz.scheduler-name")));
    }
}
