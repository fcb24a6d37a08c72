package io.vigil.event.parse;

/** Turns one line of an event file into an event, or says why it cannot. */
public interface EventLineParser {

    EventLine parse(String line) throws BadLineException;
}
