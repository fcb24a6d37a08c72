package io.vigil.mail.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Turns an outbox row into the MIME message that goes out: multipart/alternative with the plain text
 * first and the HTML last (clients show the last part they can render), both UTF-8, and the row's own
 * Message-ID, threading headers and extra headers such as {@code X-Vigil-Severity}, and on every message
 * {@code Auto-Submitted: auto-generated}.
 */
public class MessageBuilder {

    public static final String AUTO_SUBMITTED = "Auto-Submitted";
    private static final String UTF_8 = "UTF-8";
    // RFC 5322 field names; values must not break out of their header line.
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern LINE_BREAK = Pattern.compile("[\r\n]");

    private final InternetAddress from;
    private final Session session = Session.getInstance(new Properties());

    public MessageBuilder(InternetAddress from) {
        this.from = from;
    }

    /** @throws MessagingException when the row cannot be a valid message (a bad address, a bad header) */
    public MimeMessage build(QueuedEmail email) throws MessagingException {
        MimeMessage message = new StableIdMimeMessage(session, email.messageId());
        message.setFrom(from);
        for (String recipient : email.recipients()) {
            message.addRecipient(Message.RecipientType.TO, recipient(recipient));
        }
        message.setSubject(email.subject(), UTF_8);
        // The time the email was queued, not sent: a retry, or a duplicate after a crash, is the same message.
        message.setSentDate(Date.from(email.createdAt()));
        if (email.inReplyTo() != null) {
            message.setHeader("In-Reply-To", email.inReplyTo());
        }
        if (!email.references().isEmpty()) {
            message.setHeader("References", String.join(" ", email.references()));
        }
        for (var header : email.headers().entrySet()) {
            message.setHeader(headerName(header.getKey()), headerValue(header.getKey(), header.getValue()));
        }
        // RFC 3834: out-of-office responders and other automatic replies must not answer it (set last, so no
        // row's headers can take it away).
        message.setHeader(AUTO_SUBMITTED, "auto-generated");
        message.setContent(alternative(email));
        message.saveChanges();
        return message;
    }

    private static MimeMultipart alternative(QueuedEmail email) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.textBody(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.htmlBody(), UTF_8, "html");
        return new MimeMultipart("alternative", text, html);
    }

    private static InternetAddress recipient(String address) throws MessagingException {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new MessagingException("invalid recipient '" + address + "': " + e.getMessage(), e);
        }
    }

    private static String headerName(String name) throws MessagingException {
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new MessagingException("invalid header name '" + name + "'");
        }
        return name;
    }

    private static String headerValue(String name, String value) throws MessagingException {
        if (value == null || LINE_BREAK.matcher(value).find()) {
            throw new MessagingException("header " + name + " has no value or a line break in it");
        }
        try {
            return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, UTF_8, null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is required of every JVM", e);
        }
    }
}
