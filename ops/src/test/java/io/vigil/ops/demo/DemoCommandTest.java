package io.vigil.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.ops.Cli;
import io.vigil.ops.VigilCli;
import io.vigil.ops.fixture.VigilProcess;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * vigil demo end to end, through main's path: its own embedded PostgreSQL, real targets, nothing left
 * running. Then what it says is checked against itself (its email, its tables and the commands agree),
 * and the commands it prints are pasted as a stranger would: each in a JVM of its own, run from the
 * demo's directory, with no option but what the demo printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCommandTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private Cli.Result demo;
    private Duration took;
    private Path home;
    private long bytesLeft;

    @BeforeAll
    void runTheDemo() {
        long started = System.nanoTime();
        // A tenth of the default history keeps the test quick; the code path is the same.
        demo = vigil("demo", "--events", "20000");
        took = Duration.ofNanos(System.nanoTime() - started);
        Matcher directory = Pattern.compile("^Vigil demo in (\\S+)\n").matcher(demo.out());
        if (directory.find()) {
            home = Path.of(directory.group(1));
            bytesLeft = sizeOf(home);
        }
    }

    @AfterAll
    void removeTheDemo() throws IOException {
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void checksARealFleetOnItsOwnDatabaseAndLeavesNothingRunning() throws IOException {
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(took).isLessThan(Duration.ofMinutes(1));
        assertThat(home).as(demo.out()).isNotNull();
        assertThat(home.getFileName().toString()).startsWith("vigil-demo-");
        assertThat(demo.out())
                .containsPattern("(?m)^  nobody-home +DOWN throughout: nothing has listened on its port$")
                .containsPattern("(?m)^  slow-api +DEGRADED throughout: it answers, but slower than its 1000 ms SLO$")
                .containsPattern("(?m)^  vigil-itself +mostly UP ")
                .containsPattern("\\d+ health checks and 20000 events in ")
                .containsPattern("run 1 of healthCheckJob for slot \\S+: COMPLETED")
                .containsPattern("(?m)^vigil-itself +POSTGRESQL +127\\.0\\.0\\.1:\\d+/postgres .* UP ")
                .containsPattern("(?m)^local-redis +REDIS +127\\.0\\.0\\.1:6379 .* UP ")
                .containsPattern("(?m)^local-mariadb +MYSQL +127\\.0\\.0\\.1:3306/information_schema .* UP ")
                .containsPattern("(?m)^slow-api +HTTP +http://127\\.0\\.0\\.1:\\d+/slow .* DEGRADED ")
                .containsPattern("(?m)^nobody-home +POSTGRESQL .* DOWN .*refused")
                .containsPattern("run 2 of rollupJob for slot \\S+: COMPLETED")
                .containsPattern("run 3 of dailyRollupJob for slot \\S+: COMPLETED")
                .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d +billing +\\d+ +\\d+ +\\d+\\.\\d\\d%")
                .containsPattern("(?m)^1 +healthCheckJob +\\S+ +COMPLETED ")
                .containsPattern("run 4 of mailDeliveryJob for slot \\S+: COMPLETED")
                .containsPattern("(?m)^1 +SENT +1 .* oncall@example\\.com +\\[FIRING:2\\] CRITICAL nobody-home target-down \\(\\+1 more\\) ")
                .doesNotContain("--spring.config.additional-location");
        assertThat(demo.err()).doesNotContain("ERROR").doesNotContain("Exception");

        assertThat(home.resolve("data/postmaster.pid")).as("the demo's PostgreSQL is stopped").doesNotExist();
        Matcher slowApi = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/slow").matcher(demo.out());
        assertThat(slowApi.find()).isTrue();
        assertThatThrownBy(() -> connect(Integer.parseInt(slowApi.group(1))))
                .as("the demo's HTTP endpoint is closed").isInstanceOf(ConnectException.class);
        assertThat(demo.out()).as("what it says of the targets that ended with it")
                .contains("Two demo targets ended with the demo: slow-api, which it served, and vigil-itself");
        assertThat(Files.readString(home.resolve("config/application.properties")))
                .as("the configuration plain commands find from the demo's directory")
                .contains("vigil.database.data-dir=" + home.resolve("data"))
                .contains("vigil.mail.outbox-dir=" + home.resolve("outbox"))
                .contains("vigil.fleet.connections[0].name=");
    }

    @Test
    void saysHowMuchDiskItLeaves() {
        Matcher left = Pattern.compile("The demo leaves (\\d+) MB in (\\S+); delete it with rm -r (\\S+)\n")
                .matcher(demo.out());
        assertThat(left.find()).as(demo.out()).isTrue();
        assertThat(Path.of(left.group(2))).isEqualTo(home);
        assertThat(Path.of(left.group(3))).isEqualTo(home);
        assertThat(Long.parseLong(left.group(1))).as("%d bytes measured in %s", bytesLeft, home)
                .isEqualTo(Math.round(bytesLeft / 1e6));
    }

    /** The email was written after the history, so it judges the same checks as the materialised views. */
    @Test
    void itsEmailAgreesWithItsTableAndItsHistory() throws Exception {
        String email = plainText(singleEmail());
        String nobodyHome = email.substring(email.indexOf("· nobody-home · target-down"), email.indexOf("· slow-api ·"));
        Matcher emailed = Pattern.compile("Availability: (\\d+\\.\\d)% of (\\d+) checks over the last 24 hours")
                .matcher(nobodyHome);
        assertThat(emailed.find()).as(email).isTrue();
        Matcher table = healthRow("nobody-home");

        assertThat(new BigDecimal(emailed.group(1)))
                .as("the email's availability over 24 hours, against the table's %s%%", table.group(1))
                .isEqualTo(new BigDecimal(table.group(1)).setScale(1, RoundingMode.HALF_UP));
        assertThat(Integer.parseInt(emailed.group(2))).as("a day of five-minute checks: the history and this one")
                .isEqualTo(288);
        assertThat(List.of(table.group(1), table.group(2), table.group(3))).as("unreachable over all its history")
                .containsOnly("0.00");
        assertThat(table.group(6)).isEqualTo("DOWN");
        Matcher since = Pattern.compile("Since: (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) UTC").matcher(nobodyHome);
        assertThat(since.find()).isTrue();
        Instant checked = Instant.parse(fleetRow("nobody-home").group(1));
        assertThat(LocalDateTime.parse(since.group(1).replace(' ', 'T')).toInstant(ZoneOffset.UTC))
                .as("down since long before the demo's check, as far back as the rule looks (24 hours)")
                .isBefore(checked.minus(Duration.ofHours(23)));

        String slowApi = email.substring(email.indexOf("· slow-api · slower-than-slo"));
        Matcher p95 = Pattern.compile("p95 (\\d+) ms over the last hour, SLO 1000 ms").matcher(slowApi);
        assertThat(p95.find()).as(email).isTrue();
        assertThat(Integer.parseInt(p95.group(1))).isGreaterThan(1000);
        Matcher slow = healthRow("slow-api");
        assertThat(slow.group(3)).as("slow, never down").isEqualTo("100.00");
        assertThat(Integer.parseInt(slow.group(4))).as("p95 over 24 hours").isGreaterThan(1000);
        assertThat(slow.group(6)).isEqualTo("DEGRADED");

        for (String healthy : List.of("vigil-itself", "local-redis", "local-mariadb")) {
            Matcher row = healthRow(healthy);
            assertThat(Double.parseDouble(row.group(3))).as("%s: mostly UP over 30 days", healthy).isGreaterThan(99.0);
            assertThat(Integer.parseInt(row.group(5))).as("%s: fast", healthy).isLessThan(1000);
        }
    }

    /** Every printed command is run as printed: from the demo's directory, as a process of its own. */
    @Test
    void itsPrintedCommandsWorkAsPastedFromItsDirectory() throws Exception {
        List<String> lines = demo.out().lines().toList();
        int cd = lines.indexOf("  cd " + home);
        assertThat(cd).as("a cd into the demo's directory:\n" + demo.out()).isNotNegative();
        List<String> commands = lines.subList(cd + 1, lines.size()).stream()
                .takeWhile(line -> line.startsWith("  vigil ")).map(line -> line.substring("  vigil ".length())).toList();
        assertThat(commands).contains("jobs show 1", "jobs list", "fleet list", "alerts list", "mail list")
                .anyMatch(command -> command.startsWith("fleet test local-"));

        for (String command : commands) {
            String output = runFrom(home, command);
            expectations(command).accept(output);
            assertThat(output).as(command).doesNotContainPattern("(?m)^ERROR ").doesNotContain("Exception");
        }
        assertThat(home.resolve("data/postmaster.pid")).as("each command stopped the PostgreSQL it started")
                .doesNotExist();
    }

    @Test
    void refusesANegativeNumberOfEventsBeforeItStartsAnything() {
        Cli.Result refused = vigil("demo", "--events", "-1");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("--events must be 0 or more, was -1: give how many events to generate, "
                + "such as --events 100000");
        assertThat(refused.out()).as("no demo directory was made").doesNotContain("Vigil demo in");
    }

    private Consumer<String> expectations(String command) {
        if (command.startsWith("fleet test ")) {
            String target = command.substring("fleet test ".length());
            return out -> assertThat(out).as(command).containsPattern("(?m)^" + target + ": UP in ");
        }
        return switch (command) {
            case "jobs show 1" -> out -> assertThat(out).as(command)
                    .contains("run 1 of healthCheckJob for slot ").containsPattern("(?m)^alerts +COMPLETED ");
            case "jobs list" -> out -> assertThat(out).as(command)
                    .containsPattern("(?m)^1 +healthCheckJob +\\S+ +COMPLETED ")
                    .containsPattern("(?m)^4 +mailDeliveryJob +\\S+ +COMPLETED ");
            case "fleet list" -> out -> assertThat(out).as(command + ": the demo fleet, as the demo showed it")
                    .containsPattern("(?m)^nobody-home .* yes +DOWN .*connection refused by 127\\.0\\.0\\.1:\\d+$")
                    .containsPattern("(?m)^slow-api .* yes +DEGRADED ")
                    .containsPattern("(?m)^vigil-itself .* yes +UP ")
                    .contains(fleetRow("nobody-home").group(0))
                    .doesNotContainPattern(" no +(UP|DOWN|DEGRADED) ");
            case "alerts list" -> out -> assertThat(out).as(command)
                    .containsPattern("(?m)^\\d+ +FIRING +CRITICAL +target-down +nobody-home ")
                    .containsPattern("(?m)^\\d+ +FIRING +WARNING +slower-than-slo +slow-api ");
            case "mail list" -> out -> assertThat(out).as(command)
                    .containsPattern("(?m)^1 +SENT +1 .*\\[FIRING:2\\] CRITICAL nobody-home target-down \\(\\+1 more\\)");
            default -> out -> {
                throw new AssertionError("the demo prints a command this test does not know: vigil " + command);
            };
        };
    }

    /** {@code vigil COMMAND} in a JVM of its own, from {@code directory}; returns what it printed. */
    private static String runFrom(Path directory, String command) throws Exception {
        try (VigilProcess process = VigilProcess.startIn(directory, command.split(" "))) {
            int exit = process.awaitExit(COMMAND_TIMEOUT);
            String output = process.log();
            assertThat(exit).as("vigil %s, from %s:%n%s", command, directory, output).isZero();
            return output;
        }
    }

    /** The demo's row for {@code name} in its health table: 24h, 7d, 30d, p95 24h, p95 30d, last status. */
    private Matcher healthRow(String name) {
        Matcher row = Pattern.compile("(?m)^" + name + " +(\\d+\\.\\d\\d)% +(\\d+\\.\\d\\d)% +(\\d+\\.\\d\\d)% +(\\d+|-) +(\\d+|-)"
                + " +(\\S+) ").matcher(demo.out());
        assertThat(row.find()).as("%s in the health table:%n%s", name, demo.out()).isTrue();
        return row;
    }

    /** The demo's row for {@code name} in its fleet table; group 1 is when it was checked. */
    private Matcher fleetRow(String name) {
        Matcher row = Pattern.compile("(?m)^" + name + " +[A-Z]+ +\\S+ +\\S+ +yes +[A-Z]+ +(\\S+) .*$").matcher(demo.out());
        assertThat(row.find()).as("%s in the fleet table:%n%s", name, demo.out()).isTrue();
        return row;
    }

    private MimeMessage singleEmail() throws Exception {
        List<Path> emails;
        try (Stream<Path> files = Files.list(home.resolve("outbox"))) {
            emails = files.toList();
        }
        assertThat(emails).as("the alert email, written as a file").hasSize(1);
        String raw = Files.readString(emails.getFirst());
        assertThat(raw).contains("Subject: [FIRING:2] CRITICAL nobody-home target-down (+1 more)")
                .contains("X-Vigil-Severity: CRITICAL").contains("Auto-Submitted: auto-generated")
                .contains("From: Vigil <vigil@localhost>").contains("multipart/alternative");
        try (InputStream in = Files.newInputStream(emails.getFirst())) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static String plainText(MimeMessage email) throws Exception {
        Multipart parts = (Multipart) email.getContent();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                texts.add((String) part.getContent());
            }
        }
        assertThat(texts).hasSize(1);
        return texts.getFirst();
    }

    private static long sizeOf(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new AssertionError("could not measure " + directory, e);
        }
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
