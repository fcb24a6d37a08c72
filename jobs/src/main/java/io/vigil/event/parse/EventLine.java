package io.vigil.event.parse;

import java.time.Instant;

/**
 * One event as a file gives it, parsed but not yet validated. {@code properties} is a JSON object's
 * text ("{}" when absent).
 */
public record EventLine(Instant occurredAt, String source, String type, String subject, Double value,
                        String outcome, String properties) {
}
