package io.vigil.mail.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One {@code email_outbox} row as delivery sees it: everything needed to send it again, byte for byte
 * the same message, on every attempt.
 *
 * @param attempts failed sends so far
 */
public record QueuedEmail(long id, String messageId, String inReplyTo, List<String> references,
                          List<String> recipients, String subject, String textBody, String htmlBody,
                          Map<String, String> headers, int attempts, Instant createdAt) {

    public QueuedEmail {
        references = List.copyOf(references);
        recipients = List.copyOf(recipients);
        headers = Map.copyOf(headers);
    }
}
