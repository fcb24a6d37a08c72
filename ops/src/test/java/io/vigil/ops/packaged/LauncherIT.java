package io.vigil.ops.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * ops/bin/vigil, the launcher the README puts on the PATH, on the jar this build packaged: it extracts
 * the jar once, keeps the class-data archive beside it, and leaves stdout to the command's result.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "vigil").toAbsolutePath();

    @TempDir Path cache;

    record Ran(int exit, String out, String err) {
    }

    @Test
    void aCommandPrintsOnlyItsResultFromTheFirstRunOnAndTheArchiveIsKept() throws Exception {
        TestDatabase database = PostgresServer.newDatabase("vigil_launcher");
        List<String> db = List.of("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user());
        List<String> line = new ArrayList<>(List.of("jobs", "list", "--json"));
        line.addAll(db);
        List<String> failing = new ArrayList<>(List.of("jobs", "show", "99"));
        failing.addAll(db);

        // The first run after a build makes the archive: its exit code and messages are the command's own.
        Ran first = run(Map.of(), failing);
        assertThat(first.exit()).as(first.toString()).isEqualTo(1);
        assertThat(first.out()).isEmpty();
        assertThat(first.err()).isEqualTo("vigil: no run with id 99: see vigil jobs list\n");

        for (Ran ran : List.of(run(Map.of(), line), run(Map.of(), line))) {
            assertThat(ran.exit()).as(ran.toString()).isZero();
            assertThat(new JsonMapper().readTree(ran.out()).isArray()).as(ran.out()).isTrue();
            assertThat(ran.err()).isEmpty();
        }
        try (Stream<Path> entries = Files.list(cache)) {
            Path entry = entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .findFirst().orElseThrow();
            assertThat(entry.resolve("app/vigil.jar")).isRegularFile();
            // An AOT cache where the JDK has them (25+), a class-data-sharing archive before.
            assertThat(entry.resolve(Runtime.version().feature() >= 25 ? "commands.aot" : "commands.jsa")).isNotEmptyFile();
        }
    }

    @Test
    void aJdkOlderThan21IsNamedWithTheFix(@TempDir Path oldJdk) throws Exception {
        Files.createDirectories(oldJdk.resolve("bin"));
        Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = Files.writeString(oldJdk.resolve("bin/java"), "#!/bin/sh\necho ran >&2\nexit 3\n");
        java.toFile().setExecutable(true);

        Ran ran = run(Map.of("JAVA_HOME", oldJdk.toString()), List.of("--version"));

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err().strip()).isEqualTo("vigil: needs Java 21 or newer, found 17.0.15 in " + oldJdk.toRealPath()
                + ": set JAVA_HOME to a JDK 21+");
    }

    @Test
    void aMissingJarIsNamed() throws Exception {
        Ran ran = run(Map.of("VIGIL_JAR", cache.resolve("nope.jar").toString()), List.of("--version"));

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err()).contains("VIGIL_JAR=" + cache.resolve("nope.jar") + " is not a file");
    }

    private Ran run(Map<String, String> environment, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("VIGIL_CACHE_DIR", cache.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
        return new Ran(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
