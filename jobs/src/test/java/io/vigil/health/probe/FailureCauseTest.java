package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Exception chains as the drivers really build them, and the cause a reader is told. */
class FailureCauseTest {

    private static final String DB = "db1.internal:5432";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aRefusalIsNamedWithItsHostAndPortWhateverWrapsIt() {
        // PgJDBC: its advice, then the socket's own words.
        var postgres = new SQLException("Connection to db1.internal:5432 refused. Check that the hostname and port are "
                + "correct and that the postmaster is accepting TCP/IP connections.", "08001", new ConnectException("Connection refused"));
        // The JDK HTTP client: two exceptions without a message.
        var http = new ConnectException();
        http.initCause(new ClosedChannelException());
        // Jedis: one suppressed exception per address it tried.
        var redis = new IOException("Failed to connect to any host resolved for DNS name.");
        redis.addSuppressed(new ConnectException("Connection refused"));

        assertThat(FailureCause.of(postgres, DB, TIMEOUT)).isEqualTo("connection refused by db1.internal:5432");
        assertThat(FailureCause.of(http, "status.example.com:443", TIMEOUT)).isEqualTo("connection refused by status.example.com:443");
        assertThat(FailureCause.of(redis, "cache:6379", TIMEOUT)).isEqualTo("connection refused by cache:6379");
    }

    @Test
    void timeoutsUnknownHostsRoutesAndTlsReadAsCauses() {
        assertThat(FailureCause.of(new SQLException("Connection attempt timed out.", "08001"), DB, TIMEOUT))
                .isEqualTo("no answer from db1.internal:5432 within 5000 ms");
        assertThat(FailureCause.of(new ConnectException("Connection timed out"), DB, TIMEOUT))
                .isEqualTo("no answer from db1.internal:5432 within 5000 ms");
        assertThat(FailureCause.of(new HttpTimeoutException("request timed out"), "a:80", Duration.ofMillis(500)))
                .isEqualTo("no answer from a:80 within 500 ms");
        assertThat(FailureCause.of(new IOException("read", new SocketTimeoutException("Read timed out")), DB, TIMEOUT))
                .isEqualTo("no answer from db1.internal:5432 within 5000 ms");
        assertThat(FailureCause.of(new SQLException("The connection attempt failed.", new UnknownHostException("db1.internal")),
                DB, TIMEOUT)).isEqualTo("host not found: db1.internal:5432");
        var unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        assertThat(FailureCause.of(unresolved, DB, TIMEOUT)).isEqualTo("host not found: db1.internal:5432");
        assertThat(FailureCause.of(new NoRouteToHostException("No route to host"), DB, TIMEOUT))
                .isEqualTo("no route to db1.internal:5432");
        assertThat(FailureCause.of(new IOException(new SSLHandshakeException("PKIX path building failed")), DB, TIMEOUT))
                .isEqualTo("TLS with db1.internal:5432 failed: PKIX path building failed");
    }

    @Test
    void whatTheServerSaidIsLeftToItsOwnWords() {
        assertThat(FailureCause.of(new SQLException("FATAL: password authentication failed for user \"app\"", "28P01"),
                DB, TIMEOUT)).isNull();
        assertThat(FailureCause.of(new IOException("WRONGPASS invalid username-password pair"), DB, TIMEOUT)).isNull();
    }

    @Test
    void aProbeReportsTheCauseScrubbedAndKeepsWhatItWasDoing() {
        ProbeTarget db = new ProbeTarget("db", Provider.POSTGRESQL, "db1.internal:5432/orders", "u", "pw", TIMEOUT);
        ProbeTarget http = new ProbeTarget("api", Provider.HTTP, "https://[::1]/health", null, null, TIMEOUT);
        var refused = new SQLException("Connection to db1.internal:5432 refused. Check that the hostname and port are "
                + "correct and that the postmaster is accepting TCP/IP connections.", "08001", new ConnectException("Connection refused"));
        var closed = new ConnectException();
        closed.initCause(new ClosedChannelException());

        ProbeOutcome down = new ProbeAttempt(db).down(refused);
        ProbeOutcome httpDown = new ProbeAttempt(http).down(closed, "GET https://[::1]/health");

        assertThat(down.errorMessage()).isEqualTo("connection refused by db1.internal:5432");
        assertThat(down.errorClass()).isEqualTo("SQLException");
        assertThat(down.details()).isEqualTo(Map.of("sqlState", "08001"));
        assertThat(httpDown.errorMessage()).isEqualTo("GET https://[::1]/health: connection refused by [::1]:443");
    }
}
