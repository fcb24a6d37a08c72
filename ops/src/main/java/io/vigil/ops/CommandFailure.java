package io.vigil.ops;

/** A command could not do what it was asked; the message says why and, when it is knowable, what to do. */
public class CommandFailure extends RuntimeException {

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
