package io.vigil.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vigil.mail.*}.
 *
 * @param messageIdDomain the right-hand side of every Message-ID; give each installation its own so
 *                        two Vigils mailing the same people never produce the same ID
 */
@ConfigurationProperties("vigil.mail")
public record MailProperties(String messageIdDomain) {

    public MailProperties {
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank() ? "vigil.localhost" : messageIdDomain.strip();
        if (!messageIdDomain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("vigil.mail.message-id-domain must be a domain name such as vigil.example.com, was '"
                    + messageIdDomain + "'");
        }
    }
}
