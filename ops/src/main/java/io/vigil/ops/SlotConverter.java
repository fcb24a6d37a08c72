package io.vigil.ops;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads {@code --slot}: an ISO-8601 instant in UTC. */
final class SlotConverter implements CommandLine.ITypeConverter<Instant> {

    static final String EXAMPLE = "2026-11-23T10:05:00Z";

    @Override
    public Instant convert(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 instant: write the slot "
                    + "in UTC like " + EXAMPLE);
        }
    }
}
