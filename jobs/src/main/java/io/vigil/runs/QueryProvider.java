package io.vigil.runs;

import java.util.Map;
import java.util.function.Function;

/**
 * A job family's read side, for the commands that only read ({@code vigil jobs list}, {@code fleet list},
 * ...): the query classes they ask for, each built from the database and the settings alone, so that
 * such a command answers without the daemon's Spring context, its scheduler, batch or migration
 * machinery. Listed in {@code META-INF/services/io.vigil.runs.QueryProvider}; a type no provider
 * serves comes from the Spring context, as before.
 */
public interface QueryProvider {

    /** Each query class with how to build it; the classes must also be beans of the family's configuration. */
    Map<Class<?>, Function<QuerySupport, ?>> queries();
}
