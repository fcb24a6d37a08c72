package io.vigil.ops;

import io.vigil.runs.Slot;
import picocli.CommandLine;

/** Reads {@code --slot}: an ISO-8601 instant in UTC. */
final class SlotConverter implements CommandLine.ITypeConverter<Slot> {

    static final String EXAMPLE = "2026-11-23T10:05:00Z";

    @Override
    public Slot convert(String value) {
        try {
            return Slot.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 instant: write the slot "
                    + "in UTC like " + EXAMPLE);
        }
    }
}
