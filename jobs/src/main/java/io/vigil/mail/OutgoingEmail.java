package io.vigil.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An email as queued: already rendered, so delivery only sends it. {@code dedupeKey} names what the
 * email is for (one evaluation for one recipient, one failed run); queueing the same key twice keeps
 * the first.
 *
 * @param inReplyTo  the Message-ID this email answers (a resolved alert answers its firing email), or null
 * @param references the thread's Message-IDs, oldest first
 * @param headers    extra headers such as {@code X-Vigil-Severity}
 */
public record OutgoingEmail(String dedupeKey, List<String> recipients, String subject, String textBody,
                            String htmlBody, Map<String, String> headers, String inReplyTo,
                            List<String> references) {

    public OutgoingEmail {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient: " + dedupeKey);
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        references = references == null ? List.of() : List.copyOf(references);
    }
}
