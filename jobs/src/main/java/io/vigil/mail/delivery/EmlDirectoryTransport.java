package io.vigil.mail.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes each email as {@code <outbox id>-<8 hex digits of its Message-ID's hash>.eml} into a directory,
 * for installations without an SMTP server. The file is written aside and moved into place, so a reader
 * never sees half an email; sending the same row again (after a crash) replaces its file rather than
 * adding a second.
 */
public class EmlDirectoryTransport implements MailTransport {

    private final Path directory;

    public EmlDirectoryTransport(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public void send(long outboxId, MimeMessage message) throws SendFailure {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(fileName(outboxId, message.getMessageID()));
            Path temporary = Files.createTempFile(directory, ".writing-" + outboxId + "-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    message.writeTo(out);
                }
                move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // File system exceptions often say no more than the path; their class is the rest of the story.
            throw new SendFailure(SendFailure.Kind.SERVER_UNAVAILABLE, FailureText.scrub("could not write an .eml file to "
                    + directory + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, null));
        } catch (MessagingException e) {
            throw new SendFailure(SendFailure.Kind.INVALID_MESSAGE, FailureText.of(e, null, null));
        }
    }

    @Override
    public String describe() {
        return ".eml files in " + directory;
    }

    public Path directory() {
        return directory;
    }

    static String fileName(long outboxId, String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return outboxId + "-" + HexFormat.of().formatHex(digest, 0, 4) + ".eml";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this happens only on unusual file systems; a plain replace is the best left.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
