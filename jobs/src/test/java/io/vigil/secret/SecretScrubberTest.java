package io.vigil.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {

    @Test
    void masksEverySecretAndItsUrlEncodedForms() {
        String message = "login failed for s3cr3t/&x y; url=http://u:s3cr3t%2F%26x+y@h and s3cr3t%2F%26x%20y again s3cr3t/&x y";

        assertThat(SecretScrubber.scrub(message, "s3cr3t/&x y"))
                .isEqualTo("login failed for ***; url=http://u:***@h and *** again ***");
    }

    @Test
    void masksTheLongerOfTwoOverlappingSecretsWhole() {
        assertThat(SecretScrubber.scrub("token abcdef and abc", "abc", "abcdef")).isEqualTo("token *** and ***");
    }

    @Test
    void collapsesWhitespaceAndNewlines() {
        assertThat(SecretScrubber.scrub("  FATAL:\n\tpassword   authentication failed\r\n ")).isEqualTo(
                "FATAL: password authentication failed");
    }

    @Test
    void truncatesTo500CharactersEndingWithAnEllipsis() {
        String scrubbed = SecretScrubber.scrub("x".repeat(600));

        assertThat(scrubbed).hasSize(500).endsWith("x…").startsWith("xxx");
        assertThat(SecretScrubber.scrub("y".repeat(500))).isEqualTo("y".repeat(500));
    }

    @Test
    void isNullSafe() {
        assertThat(SecretScrubber.scrub(null, "secret")).isNull();
        assertThat(SecretScrubber.scrub("no secrets here", (String[]) null)).isEqualTo("no secrets here");
        assertThat(SecretScrubber.scrub("no secrets here", null, "")).isEqualTo("no secrets here");
        assertThat(SecretScrubber.describe(null, "secret")).isNull();
    }

    @Test
    void describesTheCauseChainOnceEachAndScrubbed() {
        var failure = new SQLException("Connection to db:5432 refused for pw-123",
                new ConnectException("Connection refused"));

        assertThat(SecretScrubber.describe(failure, "pw-123"))
                .isEqualTo("Connection to db:5432 refused for ***: Connection refused");
        assertThat(SecretScrubber.describe(new SQLException("outer Connection refused", new ConnectException("Connection refused")),
                "pw")).isEqualTo("outer Connection refused");
        assertThat(SecretScrubber.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void namesFailuresWithoutAMessageByTheirClass() {
        var failure = new ConnectException();
        failure.initCause(new UnresolvedAddressException());

        assertThat(SecretScrubber.describe(failure)).isEqualTo("ConnectException: UnresolvedAddressException");
    }

    @Test
    void describesSuppressedFailuresToo() {
        var failure = new IllegalStateException("Failed to connect to cache:6379.");
        failure.addSuppressed(new ConnectException("Connection refused"));

        assertThat(SecretScrubber.describe(failure)).isEqualTo("Failed to connect to cache:6379: Connection refused");
        var trailing = new IllegalStateException("waited...", new IllegalStateException("gave up"));
        assertThat(SecretScrubber.describe(trailing)).as("an ellipsis is kept").isEqualTo("waited...: gave up");
    }
}
