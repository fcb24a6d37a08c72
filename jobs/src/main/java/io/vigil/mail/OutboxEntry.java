package io.vigil.mail;

import java.time.Instant;
import java.util.List;

/** One email as operators see it ({@code vigil mail list}). */
public record OutboxEntry(long id, EmailStatus status, int attempts, List<String> recipients, String subject,
                          String messageId, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
                          String lastError) {

    public OutboxEntry {
        recipients = List.copyOf(recipients);
    }
}
