package io.vigil.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code vigil.mail.*}. The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param messageIdDomain the right-hand side of every Message-ID; give each installation its own so
 *                        two Vigils mailing the same people never produce the same ID
 * @param from            the From address, e.g. {@code Vigil <vigil@example.com>}; required with an SMTP server
 * @param outboxDir       where emails are written as .eml files when no SMTP server is configured
 * @param maxAttempts     sends tried before an email is marked FAILED
 * @param baseDelay       the wait after the first failed send; it doubles after each further one
 * @param maxDelay        the longest wait between two sends of one email
 * @param jitter          each wait is spread by ± this share, so emails that failed together are not
 *                        all tried again at the same moment
 * @param batchSize       emails one delivery run sends at most; the rest wait for the next run
 */
@ConfigurationProperties("vigil.mail")
public record MailProperties(String messageIdDomain, String from, Path outboxDir, Integer maxAttempts,
                             Duration baseDelay, Duration maxDelay, Double jitter, Integer batchSize) {

    /** Good enough for .eml files; a real SMTP server refuses it or its mail is lost as spam. */
    public static final String DEFAULT_FROM = "Vigil <vigil@localhost>";

    @ConstructorBinding
    public MailProperties {
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank() ? "vigil.localhost" : messageIdDomain.strip();
        if (!messageIdDomain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("vigil.mail.message-id-domain must be a domain name such as vigil.example.com, was '"
                    + messageIdDomain + "'");
        }
        from = from == null || from.isBlank() ? DEFAULT_FROM : from.strip();
        requireAddress(from);
        outboxDir = outboxDir == null ? Path.of("vigil-outbox") : outboxDir;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        require(maxAttempts >= 1, "max-attempts must be at least 1, was " + maxAttempts + " (for example 8)");
        baseDelay = baseDelay == null ? Duration.ofMinutes(1) : baseDelay;
        require(baseDelay.isPositive(), "base-delay must be positive, was " + baseDelay + " (for example 1m)");
        maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
        require(maxDelay.compareTo(baseDelay) >= 0,
                "max-delay must be at least base-delay (" + baseDelay + "), was " + maxDelay + " (for example 1h)");
        jitter = jitter == null ? 0.2 : jitter;
        require(jitter >= 0 && jitter < 1, "jitter must be in [0, 1), was " + jitter + " (for example 0.2)");
        batchSize = batchSize == null ? 100 : batchSize;
        require(batchSize >= 1, "batch-size must be at least 1, was " + batchSize + " (for example 100)");
    }

    /** The defaults but for the Message-ID domain. */
    public MailProperties(String messageIdDomain) {
        this(messageIdDomain, null, null, null, null, null, null, null);
    }

    public InternetAddress fromAddress() {
        return requireAddress(from);
    }

    /**
     * Mail through an SMTP server must come from an address of the installation's own: the default would be
     * refused, or delivered to spam, and nobody would know until the alert that mattered went missing.
     *
     * @throws IllegalStateException when {@code from} is still the default
     */
    public void requireFromForSmtp() {
        if (fromAddress().getAddress().equalsIgnoreCase(requireAddress(DEFAULT_FROM).getAddress())) {
            throw new IllegalStateException("vigil.mail.from must be set when an SMTP server is configured "
                    + "(spring.mail.host): an address mail servers accept from you, for example "
                    + "vigil.mail.from: \"Vigil <vigil@example.com>\"");
        }
    }

    private static InternetAddress requireAddress(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("vigil.mail.from must be an email address such as "
                    + "\"Vigil <vigil@example.com>\", was '" + from + "': " + e.getMessage(), e);
        }
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("vigil.mail." + message);
        }
    }
}
