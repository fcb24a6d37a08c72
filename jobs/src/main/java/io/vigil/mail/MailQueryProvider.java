package io.vigil.mail;

import io.vigil.runs.QueryProvider;
import io.vigil.runs.QuerySupport;
import java.util.Map;
import java.util.function.Function;

/** {@code vigil mail list} and {@code mail show}. */
public final class MailQueryProvider implements QueryProvider {

    @Override
    public Map<Class<?>, Function<QuerySupport, ?>> queries() {
        return Map.of(OutboxQueries.class, s -> new OutboxQueries(s.dsl(), s.clock()));
    }
}
