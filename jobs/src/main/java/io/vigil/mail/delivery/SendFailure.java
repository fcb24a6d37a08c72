package io.vigil.mail.delivery;

/**
 * A send that did not go through. Its message is one line, safe to store and log: transports remove
 * credentials from it.
 */
public class SendFailure extends Exception {

    public enum Kind {
        /** The server cannot be reached or refuses us (connection, timeout, login): every email would fail now. */
        SERVER_UNAVAILABLE,
        /** This email failed; the next one may go through, and this one later. */
        MESSAGE_NOT_ACCEPTED,
        /**
         * This email can never be sent as it is (an invalid address or header, or the server refused it
         * for good with a 5xx reply): trying again cannot help.
         */
        INVALID_MESSAGE
    }

    private final Kind kind;

    public SendFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
