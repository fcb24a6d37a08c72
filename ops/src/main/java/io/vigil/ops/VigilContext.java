package io.vigil.ops;

/**
 * Where commands get Vigil's services. The real one starts Spring on the first request, so that a
 * command that fails to parse, or asks for help, boots nothing.
 */
public interface VigilContext extends AutoCloseable {

    <T> T bean(Class<T> type);

    /** Stops what the context started, if anything. */
    @Override
    default void close() {
    }
}
