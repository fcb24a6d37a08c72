package io.vigil.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class FailureTextTest {

    @Test
    void joinsTheCauseChainOnOneLineWithoutRepeats() {
        Exception failure = new IllegalStateException("Mail server connection failed",
                new IOException("Couldn't connect to host, port: 127.0.0.1, 2525;\n timeout -1",
                        new ConnectException("Connection refused")));

        assertThat(FailureText.of(failure, null, null)).isEqualTo(
                "Mail server connection failed: Couldn't connect to host, port: 127.0.0.1, 2525; timeout -1: Connection refused");
    }

    @Test
    void masksThePasswordInEveryFormAServerCouldEcho() {
        String password = "s3cr3t pässword";
        String message = "535 rejected s3cr3t pässword / s3cr3t+p%C3%A4ssword / czNjcjN0IHDDpHNzd29yZA== / "
                + "AHZpZ2lsAHMzY3IzdCBww6Rzc3dvcmQ=";

        assertThat(FailureText.scrub(message, "vigil", password)).isEqualTo("535 rejected *** / *** / *** / ***");
    }

    @Test
    void cutsALongMessage() {
        assertThat(FailureText.scrub("x".repeat(1000), null, null)).hasSize(FailureText.MAX_LENGTH).endsWith("…");
    }
}
