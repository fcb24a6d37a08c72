package io.vigil.event.parse;

/** A line that cannot become an event; the message is the reason written to the reject file. */
public class BadLineException extends Exception {

    public BadLineException(String reason) {
        super(reason);
    }
}
