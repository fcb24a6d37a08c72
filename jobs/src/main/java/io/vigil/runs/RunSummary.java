package io.vigil.runs;

import java.time.LocalDateTime;

/** One run as the operator's list shows it. Times are the job repository's (the nodes' local time). */
public record RunSummary(long id, String job, String slot, String status, LocalDateTime startTime,
                         LocalDateTime endTime, String exitCode) {
}
