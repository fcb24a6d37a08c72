package io.vigil.ops;

import io.vigil.query.ReadOnlyQueries;
import java.time.Clock;
import java.util.List;

/**
 * The commands' context: a query class that a job family serves without Spring (see
 * {@code io.vigil.runs.QueryProvider}) comes from one direct connection, in a fraction of a second;
 * anything else, or everything when the database is not migrated to this build yet, from the Spring
 * context, started on first use as before.
 */
final class ReadOnlyContext implements VigilContext {

    private final List<String> springArguments;
    private final VigilContext spring;
    private final Clock clock;
    private ReadOnlyQueries queries;

    ReadOnlyContext(List<String> springArguments) {
        this(springArguments, SpringVigilContext.forCommands(springArguments), Clock.systemUTC());
    }

    /** @param spring where whatever no query provider serves comes from */
    ReadOnlyContext(List<String> springArguments, VigilContext spring, Clock clock) {
        this.springArguments = springArguments;
        this.spring = spring;
        this.clock = clock;
    }

    @Override
    public synchronized <T> T bean(Class<T> type) {
        // A command that needs Spring reads its configuration there: loading it here too would be done twice.
        if (!ReadOnlyQueries.serves(type)) {
            return spring.bean(type);
        }
        if (queries == null) {
            try {
                queries = new ReadOnlyQueries(CommandSettings.load(springArguments), clock);
            } catch (RuntimeException e) {
                throw new CommandFailure("could not read Vigil's configuration: " + Failures.rootMessage(e), e);
            }
        }
        return queries.find(type).orElseGet(() -> spring.bean(type));
    }

    @Override
    public synchronized void close() {
        // Spring first: it may be attached to the embedded server that the direct connection started.
        try {
            spring.close();
        } finally {
            if (queries != null) {
                queries.close();
            }
        }
    }
}
