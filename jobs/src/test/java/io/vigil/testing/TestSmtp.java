package io.vigil.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A GreenMail SMTP server on a port of its own that a test can keep down (nothing listens, connections
 * are refused) and bring up later on the same port, as a real outage ends. Registered as a static
 * {@code @RegisterExtension}, it stops after the test class.
 */
public final class TestSmtp implements AutoCloseable, AfterAllCallback {

    private final int port = freePort();
    private final String protocol;
    private final GreenMailConfiguration configuration;
    private GreenMail server;

    public TestSmtp() {
        this(GreenMailConfiguration.aConfig());
    }

    public TestSmtp(GreenMailConfiguration configuration) {
        this(ServerSetup.PROTOCOL_SMTP, configuration);
    }

    private TestSmtp(String protocol, GreenMailConfiguration configuration) {
        this.protocol = protocol;
        this.configuration = configuration;
    }

    /** SMTP over implicit TLS, with GreenMail's self-signed certificate. */
    public static TestSmtp implicitTls() {
        return new TestSmtp(ServerSetup.PROTOCOL_SMTPS, GreenMailConfiguration.aConfig());
    }

    /** The From that tests sending through SMTP set, as Vigil requires of SMTP. */
    public static final String FROM = "Vigil <vigil@vigil.test>";

    /** Points Spring Boot's mail sender at this server. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("vigil.mail.from", () -> FROM);
    }

    public int port() {
        return port;
    }

    public synchronized TestSmtp start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", protocol));
        server.withConfiguration(configuration);
        server.start();
        return this;
    }

    /** Waits (on GreenMail's event, not a sleep) until {@code count} emails have arrived in all. */
    public List<MimeMessage> awaitReceived(int count) {
        if (!server.waitForIncomingEmail(10_000, count)) {
            throw new AssertionError("expected " + count + " emails, " + received().size() + " arrived");
        }
        return received();
    }

    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    public static List<String> messageIds(List<MimeMessage> messages) {
        return messages.stream().map(message -> {
            try {
                return message.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text/plain part of one of Vigil's emails (multipart/alternative, text first). */
    public static String plainText(MimeMessage message) {
        try {
            return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
