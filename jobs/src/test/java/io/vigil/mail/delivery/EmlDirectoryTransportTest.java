package io.vigil.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlDirectoryTransportTest {

    private static final String ID = "<vigil.0123456789abcdef0123456789abcdef@vigil.localhost>";

    @TempDir Path temp;

    @Test
    void writesOneFileNamedForTheRowThatParsesBack() throws Exception {
        Path outbox = temp.resolve("outbox");
        EmlDirectoryTransport transport = new EmlDirectoryTransport(outbox);

        transport.send(42, message());
        transport.send(42, message());

        String name = EmlDirectoryTransport.fileName(42, ID);
        assertThat(name).matches("42-[0-9a-f]{8}\\.eml");
        try (var files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("sent twice, one file, no temporary left")
                    .containsExactly(name);
        }
        try (InputStream in = Files.newInputStream(outbox.resolve(name))) {
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(parsed.getMessageID()).isEqualTo(ID);
        }
        assertThat(transport.describe()).isEqualTo(".eml files in " + outbox.toAbsolutePath());
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAFailureForEveryEmail() throws Exception {
        Path file = Files.writeString(temp.resolve("in-the-way"), "not a directory");

        assertThatThrownBy(() -> new EmlDirectoryTransport(file).send(1, message()))
                .isInstanceOfSatisfying(SendFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(SendFailure.Kind.SERVER_UNAVAILABLE))
                .hasMessage("could not write an .eml file to " + file.toAbsolutePath() + ": FileAlreadyExistsException: "
                        + file.toAbsolutePath());
    }

    private static MimeMessage message() throws Exception {
        return new MessageBuilder(new InternetAddress("vigil@localhost")).build(new QueuedEmail(42, ID, null, List.of(),
                List.of("ops@example.com"), "subject", "text", "<p>html</p>", Map.of(), 0, Instant.parse("2026-11-23T10:00:00Z")));
    }
}
