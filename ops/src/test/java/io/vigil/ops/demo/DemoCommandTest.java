package io.vigil.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.ops.Cli;
import io.vigil.ops.VigilCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** vigil demo end to end, through main's path: its own embedded PostgreSQL, real targets, nothing left running. */
class DemoCommandTest {

    private Path home;

    @AfterEach
    void removeTheDemo() throws IOException {
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void checksARealFleetOnItsOwnDatabaseAndLeavesNothingRunning() throws IOException {
        long started = System.nanoTime();
        // A tenth of the default history keeps the test quick; the code path is the same.
        Cli.Result demo = vigil("demo", "--events", "100000");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(took).isLessThan(Duration.ofMinutes(1));
        Matcher directory = Pattern.compile("^Vigil demo in (\\S+)\n").matcher(demo.out());
        assertThat(directory.find()).as(demo.out()).isTrue();
        home = Path.of(directory.group(1));
        assertThat(home.getFileName().toString()).startsWith("vigil-demo-");
        assertThat(demo.out())
                .containsPattern("run 1 of healthCheckJob for slot \\S+: COMPLETED")
                .containsPattern("(?m)^vigil-itself +POSTGRESQL +127\\.0\\.0\\.1:\\d+/postgres .* UP ")
                .containsPattern("(?m)^local-redis +REDIS +127\\.0\\.0\\.1:6379 .* UP ")
                .containsPattern("(?m)^local-mariadb +MYSQL +127\\.0\\.0\\.1:3306/information_schema .* UP ")
                .containsPattern("(?m)^slow-api +HTTP +http://127\\.0\\.0\\.1:\\d+/slow .* DEGRADED ")
                .containsPattern("(?m)^nobody-home +POSTGRESQL .* DOWN .*refused")
                .containsPattern("(?m)^1 +healthCheckJob +\\S+ +COMPLETED ")
                .containsPattern("\\d+ health checks and 100000 events in ")
                .containsPattern("run 2 of rollupJob for slot \\S+: COMPLETED")
                .containsPattern("run 3 of dailyRollupJob for slot \\S+: COMPLETED")
                .containsPattern("(?m)^vigil-itself +\\d+\\.\\d\\d% +\\d+\\.\\d\\d% +\\d+\\.\\d\\d% +\\d+ +\\d+ +UP ")
                .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d +billing +\\d+ +\\d+ +\\d+\\.\\d\\d%")
                .containsPattern("run 4 of mailDeliveryJob for slot \\S+: COMPLETED")
                .containsPattern("(?m)^1 +SENT +1 .* oncall@example\\.com +\\[FIRING:2\\] CRITICAL nobody-home target-down \\(\\+1 more\\) ")
                .contains("vigil alerts list --spring.config.additional-location=file:")
                .contains("vigil jobs show 1 --spring.config.additional-location=file:" + home.resolve("vigil-demo.properties"))
                .contains("rm -rf " + home);
        assertThat(demo.err()).doesNotContain("ERROR").doesNotContain("Exception");

        assertThat(home.resolve("data/postmaster.pid")).as("the demo's PostgreSQL is stopped").doesNotExist();
        try (Stream<Path> emails = Files.list(home.resolve("outbox"))) {
            assertThat(emails.toList()).as("the alert email, written as a file").singleElement()
                    .satisfies(eml -> assertThat(Files.readString(eml))
                            .contains("Subject: [FIRING:2] CRITICAL nobody-home target-down (+1 more)")
                            .contains("X-Vigil-Severity: CRITICAL").contains("Auto-Submitted: auto-generated")
                            .contains("From: Vigil <vigil@localhost>").contains("multipart/alternative"));
        }
        Matcher slowApi = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/slow").matcher(demo.out());
        assertThat(slowApi.find()).isTrue();
        assertThatThrownBy(() -> connect(Integer.parseInt(slowApi.group(1))))
                .as("the demo's HTTP endpoint is closed").isInstanceOf(ConnectException.class);

        String configuration = "--spring.config.additional-location=file:" + home.resolve("vigil-demo.properties");
        Cli.Result runs = vigil("jobs", "list", "--json", configuration);
        assertThat(runs.exitCode()).as(runs.toString()).isZero();
        JsonNode list = JsonMapper.builder().build().readTree(runs.out());
        assertThat(list).hasSize(4);
        JsonNode run = list.get(3);
        assertThat(run.get("id").asLong()).isEqualTo(1);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");

        Cli.Result fleet = vigil("fleet", "list", configuration);
        assertThat(fleet.exitCode()).as(fleet.toString()).isZero();
        assertThat(fleet.out()).as("the configuration keeps the demo fleet declared")
                .containsPattern("(?m)^vigil-itself .* yes +UP ")
                .containsPattern("(?m)^slow-api .* yes +DEGRADED ")
                .doesNotContainPattern(" no +(UP|DOWN|DEGRADED) ");
        Cli.Result alerts = vigil("alerts", "list", configuration);
        assertThat(alerts.exitCode()).as(alerts.toString()).isZero();
        assertThat(alerts.out()).containsPattern("(?m)^\\d+ +FIRING +CRITICAL +target-down +nobody-home ")
                .containsPattern("(?m)^\\d+ +FIRING +WARNING +slower-than-slo +slow-api ");
        assertThat(home.resolve("data/postmaster.pid")).doesNotExist();
    }

    private static Cli.Result vigil(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = VigilCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli.Result(exitCode, out.toString(), err.toString());
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }
}
