package io.vigil.mail.delivery;

import jakarta.mail.internet.MimeMessage;

/** Where built messages go: an SMTP server, or a directory of .eml files when there is none. */
public interface MailTransport {

    /**
     * Hands the message over; returning means the receiving side accepted it.
     *
     * @param outboxId the row the message comes from, for transports that name what they write after it
     * @throws SendFailure when it was not accepted
     */
    void send(long outboxId, MimeMessage message) throws SendFailure;

    /** What this transport delivers to, for the log. */
    String describe();
}
