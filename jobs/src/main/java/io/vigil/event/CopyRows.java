package io.vigil.event;

import io.vigil.event.parse.EventLine;

/**
 * Renders an event as one line of COPY ... (FORMAT csv): every field quoted (so an empty string and a
 * null differ), quotes doubled, null as an unquoted empty field.
 */
public final class CopyRows {

    public static final String COLUMNS = "occurred_at, source, type, subject, value, outcome, properties";

    public static String row(EventLine event) {
        return String.join(",",
                quote(event.occurredAt().toString()),
                quote(event.source()),
                quote(event.type()),
                quote(event.subject()),
                event.value() == null ? "" : Double.toString(event.value()),
                quote(event.outcome()),
                quote(event.properties())) + "\n";
    }

    private static String quote(String text) {
        return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private CopyRows() {
    }
}
