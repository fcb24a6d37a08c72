package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Against the MariaDB server every build machine runs on 127.0.0.1:3306 (root, no password, database test). */
class MysqlProbeTest {

    private static final String MARIADB = "127.0.0.1:3306/test";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final MysqlProbe probe = new MysqlProbe();

    @Test
    void upWithVersionAndConnections() {
        ProbeOutcome outcome = probe.probe(new ProbeTarget("shop", Provider.MYSQL, MARIADB, "root", "", Duration.ofSeconds(5)));

        assertThat(outcome.reachable())
                .as("MariaDB must answer on %s as root without a password: %s", MARIADB, outcome.errorMessage())
                .isTrue();
        assertThat(outcome.details()).doesNotContainKey("statsError");
        assertThat(outcome.stats().serverVersion()).contains("MariaDB");
        // The machine's server started before this test, and from its uptime: so no later than now.
        assertThat(outcome.stats().serverStartedAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(outcome.stats().connectionsUsed()).isPositive();
        assertThat(outcome.stats().connectionsMax()).isPositive();
    }

    @Test
    void aFailedLoginIsCountedAmongTheRefusedClients() {
        ProbeTarget root = new ProbeTarget("shop", Provider.MYSQL, MARIADB, "root", "", Duration.ofSeconds(5));
        long before = (Long) probe.probe(root).stats().details().get("abortedConnects");

        probe.probe(new ProbeTarget("shop", Provider.MYSQL, MARIADB, "root", "not-the-password", Duration.ofSeconds(5)));
        DbStats after = probe.probe(root).stats();

        assertThat((Long) after.details().get("abortedConnects")).as("the failed login").isGreaterThan(before);
        assertThat(after.details()).containsKeys("refusedAtMaxConnections", "threadsRunning", "maxUsedConnections",
                "slowQueries");
        assertThat((Long) after.details().get("threadsRunning")).as("this probe's own thread").isPositive();
    }

    @Test
    void wrongPasswordIsDownWithoutThePassword() {
        String password = "definitely-wrong-secret";

        ProbeOutcome outcome = probe.probe(new ProbeTarget("shop", Provider.MYSQL, MARIADB, "root", password, Duration.ofSeconds(5)));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorMessage()).contains("Access denied").doesNotContain(password);
        assertThat(outcome.details()).containsEntry("sqlState", "28000");
    }

    @Test
    void closedPortIsDownQuickly() {
        int port = TestSockets.closedPort();

        ProbeOutcome outcome = probe.probe(new ProbeTarget("gone", Provider.MYSQL, "127.0.0.1:" + port + "/test",
                "root", "", Duration.ofSeconds(3)));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isNotBlank();
        assertThat(outcome.errorMessage()).contains("127.0.0.1").containsIgnoringCase("refused");
        assertThat(outcome.latency()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void silentServerIsDownWithinTheTimeout() throws Exception {
        try (ServerSocket silent = TestSockets.silentServer()) {
            long start = System.nanoTime();

            ProbeOutcome outcome = probe.probe(new ProbeTarget("silent", Provider.MYSQL,
                    "127.0.0.1:" + silent.getLocalPort() + "/test", "root", "", TIMEOUT));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(1500));
            assertThat(outcome.reachable()).isFalse();
            assertThat(outcome.errorClass()).isNotBlank();
        }
    }
}
