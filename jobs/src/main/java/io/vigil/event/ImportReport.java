package io.vigil.event;

import java.nio.file.Path;

/** What an import did: every non-blank line is either loaded or rejected (to the reject file). */
public record ImportReport(Path file, long lines, long blank, long loaded, long rejected, Path rejectFile) {
}
