package io.vigil.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageBuilderTest {

    private static final String ID = "<vigil.0123456789abcdef0123456789abcdef@vigil.example.com>";
    private static final String FIRING = "<vigil.firing@vigil.example.com>";

    private final MessageBuilder builder = new MessageBuilder(new InternetAddress("Vigil <vigil@example.com>", false));

    MessageBuilderTest() throws MessagingException {
    }

    @Test
    void buildsTheRowsMessageAndItSurvivesWritingAndParsing() throws Exception {
        MimeMessage parsed = roundTrip(builder.build(email(Map.of("X-Vigil-Severity", "CRITICAL"))));

        assertThat(parsed.getMessageID()).as("not replaced by saveChanges").isEqualTo(ID);
        assertThat(parsed.getHeader("In-Reply-To", null)).isEqualTo(FIRING);
        assertThat(parsed.getHeader("References", null)).isEqualTo("<vigil.root@vigil.example.com> " + FIRING);
        assertThat(parsed.getHeader("X-Vigil-Severity", null)).isEqualTo("CRITICAL");
        assertThat(parsed.getFrom()).extracting(Object::toString).containsExactly("Vigil <vigil@example.com>");
        assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com", "dba@example.com");
        assertThat(parsed.getSubject()).isEqualTo("[RESOLVED] orders-db — Verbindung wieder da");
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));

        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("orders-db is UP again — 12 min down");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>orders-db is <b>UP</b> again — 12 min down</p>");
    }

    @Test
    void leavesOutThreadingHeadersAnEmailDoesNotHave() throws Exception {
        QueuedEmail first = new QueuedEmail(1, ID, null, List.of(), List.of("ops@example.com"), "s", "t", "<p>h</p>",
                Map.of(), 0, Instant.parse("2026-11-23T10:00:00Z"));

        MimeMessage parsed = roundTrip(builder.build(first));

        assertThat(parsed.getHeader("In-Reply-To")).isNull();
        assertThat(parsed.getHeader("References")).isNull();
    }

    @Test
    void refusesAHeaderThatWouldInjectAnother() {
        assertThatThrownBy(() -> builder.build(email(Map.of("X-Vigil-Severity", "CRITICAL\r\nBcc: evil@example.com"))))
                .isInstanceOf(MessagingException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> builder.build(email(Map.of("X Severity", "CRITICAL"))))
                .isInstanceOf(MessagingException.class).hasMessageContaining("invalid header name");
    }

    @Test
    void refusesAnInvalidRecipient() {
        QueuedEmail bad = new QueuedEmail(1, ID, null, List.of(), List.of("not an address"), "s", "t", "h", Map.of(), 0,
                Instant.parse("2026-11-23T10:00:00Z"));

        assertThatThrownBy(() -> builder.build(bad)).isInstanceOf(MessagingException.class)
                .hasMessageStartingWith("invalid recipient 'not an address': ");
    }

    private static QueuedEmail email(Map<String, String> headers) {
        return new QueuedEmail(7, ID, FIRING, List.of("<vigil.root@vigil.example.com>", FIRING),
                List.of("ops@example.com", "dba@example.com"), "[RESOLVED] orders-db — Verbindung wieder da",
                "orders-db is UP again — 12 min down", "<p>orders-db is <b>UP</b> again — 12 min down</p>", headers, 0,
                Instant.parse("2026-11-23T10:00:00Z"));
    }

    static MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
    }
}
