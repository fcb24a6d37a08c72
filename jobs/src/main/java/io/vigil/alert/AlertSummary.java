package io.vigil.alert;

import java.time.Instant;

/** One alert as {@code vigil alerts list} shows it. */
public record AlertSummary(long id, String rule, String subject, String state, String severity, Instant since,
                           Instant firedAt, Instant resolvedAt, boolean silenced, String description) {
}
