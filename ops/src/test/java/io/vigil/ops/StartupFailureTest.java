package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A command whose configuration is wrong says so in one line, as its own process prints it: what is
 * wrong and what would be right, without Spring's report of the failed start burying that line. (The
 * commands that only read, such as {@code jobs list}, start no Spring and read no more of the
 * configuration than where the database is; a command that changes something starts it.)
 */
class StartupFailureTest {

    @Test
    void aRetentionKeyThatNamesNothingIsOneLineWithTheKnownKeys() throws Exception {
        TestDatabase database = PostgresServer.newDatabase("vigil_startup");

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VigilCli.class.getName(), "schedule", "pause", "healthCheckJob",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=", "--vigil.retention.email=7d").start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("it exits").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(out).isEmpty();
        assertThat(err).containsExactly("vigil: could not start Vigil: vigil.retention.email names nothing that is "
                + "pruned: the keys are alerts, batch-metadata, emails, events, health-checks, nodes, stats-snapshots "
                + "and months-ahead");
    }
}
