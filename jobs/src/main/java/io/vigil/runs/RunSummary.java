package io.vigil.runs;

import java.time.Instant;

/** One run as the operator's list shows it. */
public record RunSummary(long id, String job, String slot, String status, Instant startTime, Instant endTime,
                         String exitCode) {
}
