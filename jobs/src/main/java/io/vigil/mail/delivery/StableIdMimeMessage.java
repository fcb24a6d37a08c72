package io.vigil.mail.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message that keeps the Message-ID it is given. {@link MimeMessage#saveChanges()}, which every send
 * and every {@code writeTo} calls, replaces the Message-ID with a random one; ours is derived from the
 * outbox row, so a re-send after a crash is recognisably the same email.
 */
class StableIdMimeMessage extends MimeMessage {

    private final String messageId;

    StableIdMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
