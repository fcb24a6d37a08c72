package io.vigil.runs;

import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;

/** {@code vigil jobs list}, {@code jobs show} and {@code vigil nodes}. */
public final class RunsQueryProvider implements QueryProvider {

    @Override
    public Map<Class<?>, Function<QuerySupport, ?>> queries() {
        return Map.of(RunQueries.class, s -> new RunQueries(s.dsl(), s.clock(), s.duration("vigil.node.stale-after"),
                ZoneId.systemDefault()));
    }
}
