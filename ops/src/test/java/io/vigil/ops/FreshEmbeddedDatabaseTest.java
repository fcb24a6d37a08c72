package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command run where no database is configured uses the embedded PostgreSQL in vigil.database.data-dir,
 * and says so when it has just created it there: "No runs" from a database nobody meant to create would
 * mislead.
 */
class FreshEmbeddedDatabaseTest {

    @TempDir Path directory;

    record Ran(int exit, String out, String err) {
    }

    @Test
    void theFirstCommandNamesTheDatabaseItCreatedAndLaterOnesSayNothing() throws Exception {
        Path data = directory.resolve("vigil-data");

        Ran first = vigil(data, "jobs", "list");
        Ran second = vigil(data, "jobs", "list");

        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("no runs\n");
        assertThat(first.err().strip()).isEqualTo("WARN EmbeddedDatabase: No database is configured "
                + "(spring.datasource.url or VIGIL_DB_URL): created an empty embedded PostgreSQL in " + data);
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).isEqualTo("no runs\n");
        assertThat(second.err()).isEmpty();
    }

    private Ran vigil(Path data, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), VigilCli.class.getName()));
        line.addAll(List.of(command));
        line.add("--vigil.database.data-dir=" + data);
        ProcessBuilder builder = new ProcessBuilder(line).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("VIGIL_DB_") || name.startsWith("SPRING_DATASOURCE"));
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("it exits").isTrue();
        return new Ran(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
