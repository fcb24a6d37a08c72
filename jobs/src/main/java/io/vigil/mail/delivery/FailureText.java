package io.vigil.mail.delivery;

import io.vigil.secret.SecretScrubber;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A send failure as one short line that is safe to store in {@code last_error} and to log:
 * {@link SecretScrubber} with every form in which a server or library could echo the SMTP password (as
 * given and URL-encoded, which the scrubber covers, and Base64-encoded as AUTH LOGIN and AUTH PLAIN send
 * it), kept shorter than a probe's message because it is shown in a table.
 */
public final class FailureText {

    public static final int MAX_LENGTH = 300;

    private FailureText() {
    }

    public static String of(Throwable failure, String username, String password) {
        return shorten(SecretScrubber.describe(failure, secretForms(username, password)));
    }

    public static String scrub(String message, String username, String password) {
        return shorten(SecretScrubber.scrub(message, secretForms(username, password)));
    }

    private static String[] secretForms(String username, String password) {
        if (password == null || password.isEmpty()) {
            return new String[0];
        }
        Base64.Encoder base64 = Base64.getEncoder();
        String plain = "\0" + (username == null ? "" : username) + "\0" + password;
        return new String[] {password, base64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(plain.getBytes(StandardCharsets.UTF_8))};
    }

    private static String shorten(String line) {
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
