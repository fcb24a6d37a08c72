package io.vigil.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Message-IDs derived from what an email is for, not drawn at random (as Alertmanager does): every
 * attempt and every re-run of the same evaluation carries the same ID, so a duplicate delivered after a
 * crash is recognisably the same message, and a reply can name it before it is sent.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** {@code <vigil.<first 32 hex digits of SHA-256(dedupeKey)>@<domain>>} */
    public static String of(String dedupeKey, String domain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupeKey.getBytes(StandardCharsets.UTF_8));
            return "<vigil." + HexFormat.of().formatHex(digest, 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
