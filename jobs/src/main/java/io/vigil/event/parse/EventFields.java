package io.vigil.event.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The fields of an event in a file, and how their text becomes values (shared by both formats). */
final class EventFields {

    static final String OCCURRED_AT = "occurred_at";
    static final List<String> ALL = List.of(OCCURRED_AT, "source", "type", "subject", "value", "outcome", "properties");

    static Instant time(String text) throws BadLineException {
        if (text == null || text.isBlank()) {
            throw new BadLineException("missing occurred_at (an ISO-8601 time with offset, e.g. 2026-11-23T10:15:00Z)");
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeException e) {
            throw new BadLineException("occurred_at '" + text + "' is not an ISO-8601 time with offset "
                    + "(e.g. 2026-11-23T10:15:00Z or 2026-11-23T11:15:00+01:00)");
        }
    }

    static String required(String name, String text) throws BadLineException {
        if (text == null || text.isBlank()) {
            throw new BadLineException("missing " + name);
        }
        return text;
    }

    static String outcome(String text) throws BadLineException {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!text.equals("SUCCESS") && !text.equals("FAILURE")) {
            throw new BadLineException("outcome '" + text + "' is neither SUCCESS nor FAILURE (or empty)");
        }
        return text;
    }

    static Double number(String text) throws BadLineException {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadLineException("value '" + text + "' is not a finite number");
        }
    }

    private EventFields() {
    }
}
