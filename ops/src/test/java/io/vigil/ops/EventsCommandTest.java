package io.vigil.ops;

import static io.vigil.db.jooq.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.VigilSpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** vigil events import with good, bad and mixed files; the clock stands at 2026-11-23T10:00Z. */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsCommandTest {

    @Autowired ApplicationContext spring;
    @Autowired DSLContext dsl;
    @TempDir Path dir;

    private Cli cli;

    @BeforeAll
    void cli() {
        cli = Cli.on(spring);
    }

    @BeforeEach
    void empty() {
        dsl.deleteFrom(EVENT).execute();
    }

    @Test
    void aGoodJsonLinesFileLoadsEveryLine() throws IOException {
        Path file = write("good.jsonl",
                "{\"occurred_at\":\"2026-11-23T09:00:00Z\",\"source\":\"shop\",\"type\":\"view\",\"subject\":\"u1\",\"properties\":{\"p\":\"/\"}}",
                "{\"occurred_at\":\"2026-11-20T09:00:00Z\",\"source\":\"shop\",\"type\":\"buy\",\"value\":9.5,\"outcome\":\"SUCCESS\"}",
                "",
                "{\"occurred_at\":\"2026-10-01T00:00:00+02:00\",\"source\":\"billing\",\"type\":\"invoice\",\"outcome\":\"FAILURE\"}");

        Cli.Result result = cli.run("events", "import", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("read 4 lines of " + file + " (jsonl)\n  loaded    3\n  rejected  0\n"
                + "  blank     1 (skipped)\n");
        assertThat(dsl.fetch("SELECT occurred_at, source, type, coalesce(subject, 'NULL'), "
                + "coalesce(value::text, 'NULL'), coalesce(outcome, 'NULL'), properties::text FROM vigil.event ORDER BY occurred_at")
                .formatCSV(false)).isEqualTo("""
                2026-09-30T22:00Z,billing,invoice,NULL,NULL,FAILURE,{}
                2026-11-20T09:00Z,shop,buy,NULL,9.5,SUCCESS,{}
                2026-11-23T09:00Z,shop,view,u1,NULL,NULL,"{""p"": ""/""}"
                """);
        assertThat(file.resolveSibling("good.jsonl.rejects")).doesNotExist();
    }

    @Test
    void aMixedCsvFileLoadsTheGoodLinesRejectsTheBadOnesAndExitsOne() throws IOException {
        Path file = write("mixed.csv",
                "occurred_at,source,type,subject,value,outcome,properties",
                "2026-11-23T09:00:00Z,shop,view,u1,,,",
                "not-a-time,shop,view,u1,,,",
                "2026-11-23T09:05:00Z,shop,,u1,,,",
                "2027-01-01T00:00:00Z,shop,view,u1,,,",
                "2026-11-23T09:10:00Z,shop,buy,u2,12.5,SUCCESS,\"{\"\"cart\"\":2}\"");

        Cli.Result result = cli.run("events", "import", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        Path rejects = dir.resolve("mixed.csv.rejects");
        assertThat(result.out()).contains("  loaded    2\n").contains("  rejected  3: see " + rejects);
        assertThat(dsl.fetchCount(EVENT)).isEqualTo(2);
        assertThat(Files.readAllLines(rejects)).containsExactly(
                "line\treason\tcontent",
                "3\toccurred_at 'not-a-time' is not an ISO-8601 time with offset (e.g. 2026-11-23T10:15:00Z or "
                        + "2026-11-23T11:15:00+01:00)\tnot-a-time,shop,view,u1,,,",
                "4\tmissing type\t2026-11-23T09:05:00Z,shop,,u1,,,",
                "5\toccurred_at 2027-01-01T00:00:00Z is more than PT1H in the future (now 2026-11-23T10:00:00Z; "
                        + "vigil.events.max-future-skew)\t2027-01-01T00:00:00Z,shop,view,u1,,,");
    }

    @Test
    void anAllBadFileLoadsNothingAndExitsOne() throws IOException {
        Path file = write("bad.jsonl", "{oops", "{\"source\":\"s\",\"type\":\"t\"}");
        Path rejects = dir.resolve("elsewhere.tsv");

        Cli.Result result = cli.run("events", "import", file.toString(), "--rejects", rejects.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("  loaded    0\n").contains("  rejected  2: see " + rejects);
        assertThat(Files.readAllLines(rejects)).hasSize(3);
        assertThat(dsl.fetchCount(EVENT)).isZero();
    }

    @Test
    void whenTheDatabaseRefusesTheCopyNothingIsLoaded() throws IOException {
        Path file = write("refused.jsonl",
                "{\"occurred_at\":\"2026-11-23T09:00:00Z\",\"source\":\"fine\",\"type\":\"t\"}",
                "{\"occurred_at\":\"2026-11-23T09:00:00Z\",\"source\":\"refused\",\"type\":\"t\"}");
        dsl.execute("ALTER TABLE vigil.event ADD CONSTRAINT test_refuse CHECK (source <> 'refused')");
        try {
            Cli.Result result = cli.run("events", "import", file.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("test_refuse");
            assertThat(dsl.fetchCount(EVENT)).as("the good line is not half-loaded either").isZero();
        } finally {
            dsl.execute("ALTER TABLE vigil.event DROP CONSTRAINT test_refuse");
        }
    }

    @Test
    void aMissingOrUnreadableFileIsAClearErrorAndStartsNothing() throws IOException {
        Cli.Result missing = Cli.withoutSpring().run("events", "import", dir.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("vigil: no such file: " + dir.resolve("nope.jsonl") + "\n");

        Cli.Result directory = Cli.withoutSpring().run("events", "import", dir.toString());
        assertThat(directory.exitCode()).isEqualTo(1);
        assertThat(directory.err()).isEqualTo("vigil: " + dir + " is a directory: give the event file itself\n");

        Path locked = write("locked.jsonl", "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(locked)) { // root reads anything
            Cli.Result unreadable = Cli.withoutSpring().run("events", "import", locked.toString());
            assertThat(unreadable.exitCode()).isEqualTo(1);
            assertThat(unreadable.err()).contains("cannot read " + locked).contains("permissions");
        }

        Cli.Result unknown = Cli.withoutSpring().run("events", "import", write("events.txt", "{}").toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("name it .jsonl or .csv, or give --format jsonl|csv");

        Cli.Result badHeader = cli.run("events", "import", write("noheader.csv", "2026-11-23T09:00:00Z,s,t").toString());
        assertThat(badHeader.exitCode()).isEqualTo(1);
        assertThat(badHeader.err()).contains("the CSV header names an unknown column '2026-11-23T09:00:00Z'");
    }

    @Test
    void aFileThatIsNotUtf8LoadsNothing() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, List.of(
                "{\"occurred_at\":\"2026-11-23T09:00:00Z\",\"source\":\"shop\",\"type\":\"t\"}",
                "{\"occurred_at\":\"2026-11-23T09:00:00Z\",\"source\":\"caf\u00e9\",\"type\":\"t\"}"),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        Cli.Result result = cli.run("events", "import", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("vigil: " + file + " is not UTF-8 text: nothing was loaded; convert it first, "
                + "e.g. iconv -f latin1 -t utf-8\n");
        assertThat(dsl.fetchCount(EVENT)).isZero();
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
