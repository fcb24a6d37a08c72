package io.vigil.mail;

import io.vigil.mail.delivery.FailureText;
import io.vigil.mail.delivery.MailTransport;
import io.vigil.mail.delivery.SendFailure;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server of {@code spring.mail.*} (Spring Boot's {@link JavaMailSenderImpl}), one
 * connection per email: a batch is small and sent once a minute, and a fresh connection after a failure
 * is what a retry needs anyway.
 */
public class SmtpTransport implements MailTransport {

    private final JavaMailSenderImpl sender;

    public SmtpTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public void send(long outboxId, MimeMessage message) throws SendFailure {
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new SendFailure(kindOf(e), FailureText.of(mostSpecific(e), sender.getUsername(), sender.getPassword()));
        }
    }

    // Spring's "Mail server connection failed. Failed messages: ..." repeats what the server's own failure says.
    private static Throwable mostSpecific(MailException failure) {
        if (failure instanceof MailSendException send && send.getMessageExceptions().length == 1) {
            return send.getMessageExceptions()[0];
        }
        return failure;
    }

    @Override
    public String describe() {
        return "SMTP server " + sender.getHost() + ":" + (sender.getPort() > 0 ? sender.getPort() : "default port")
                + " (" + sender.getProtocol() + ")";
    }

    private static SendFailure.Kind kindOf(MailException failure) {
        if (failure instanceof MailAuthenticationException) {
            return SendFailure.Kind.SERVER_UNAVAILABLE;
        }
        for (Throwable start : List.of(failure, mostSpecific(failure))) {
            for (Throwable t = start; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof ConnectException || t instanceof SocketTimeoutException
                        || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                    return SendFailure.Kind.SERVER_UNAVAILABLE;
                }
                if (permanentlyRejected(t)) {
                    return SendFailure.Kind.INVALID_MESSAGE;
                }
            }
        }
        return SendFailure.Kind.MESSAGE_NOT_ACCEPTED;
    }

    /**
     * A 5xx reply to a recipient or to the message (no such user, message refused): RFC 5321 calls it
     * permanent, so eight attempts over hours would only delay telling the operator. A 4xx reply (mailbox
     * full, try later) is retried.
     */
    private static boolean permanentlyRejected(Throwable t) {
        int code = t instanceof SMTPAddressFailedException address ? address.getReturnCode()
                : t instanceof SMTPSendFailedException send ? send.getReturnCode() : -1;
        return code >= 500 && code < 600;
    }
}
