package io.vigil.event;

import java.nio.file.Path;
import java.util.Locale;

/** The two formats {@code vigil events import} reads, told apart by the file name unless given. */
public enum EventFileFormat {
    JSONL, CSV;

    public static EventFileFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        throw new IllegalArgumentException("cannot tell the format of " + file + " from its name: name it .jsonl or .csv, "
                + "or give --format jsonl|csv");
    }
}
