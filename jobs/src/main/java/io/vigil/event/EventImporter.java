package io.vigil.event;

import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import io.vigil.event.parse.BadLineException;
import io.vigil.event.parse.CsvLineParser;
import io.vigil.event.parse.EventLine;
import io.vigil.event.parse.EventLineParser;
import io.vigil.event.parse.EventValidator;
import io.vigil.event.parse.JsonLinesParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads an event file through COPY in one transaction: the good lines all load or, if the database
 * refuses the COPY, none do; every bad line goes to the reject file with its line number and reason.
 * The file is read once, streaming, so its size does not matter.
 */
public class EventImporter {

    private final DSLContext dsl;
    private final MonthlyPartitions partitions;
    private final EventValidator validator;
    private final Clock clock;

    public EventImporter(DSLContext dsl, MonthlyPartitions partitions, EventValidator validator, Clock clock) {
        this.dsl = dsl;
        this.partitions = partitions;
        this.validator = validator;
        this.clock = clock;
    }

    public ImportReport load(Path file, EventFileFormat format, Path rejectFile) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " is a directory: give the event file itself");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file.toAbsolutePath());
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file.toAbsolutePath() + ": check its permissions");
        }
        Instant now = clock.instant();
        // Every month an accepted event can fall in: from the retention's start to the future skew.
        Instant oldest = validator.oldestAccepted(now);
        YearMonth first = YearMonth.from(oldest.atOffset(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(validator.newestAccepted(now).atOffset(ZoneOffset.UTC));
        partitions.ensure(PartitionedTable.EVENT, oldest, (int) first.until(last, ChronoUnit.MONTHS));
        return dsl.transactionResult(transaction -> transaction.dsl().connectionResult(connection -> {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 Rejects rejects = new Rejects(rejectFile)) {
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY vigil.event (" + CopyRows.COLUMNS + ") FROM STDIN (FORMAT csv)");
                try {
                    Counts counts = stream(reader, format, rejects, copy, now);
                    copy.endCopy();
                    return new ImportReport(file, counts.lines, counts.blank, counts.loaded, rejects.count(),
                            rejects.count() == 0 ? null : rejectFile);
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(file + " is not UTF-8 text: nothing was loaded; convert it first, "
                        + "e.g. iconv -f latin1 -t utf-8", e);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file + " or write " + rejectFile + ": " + e.getMessage(), e);
            }
        }));
    }

    private Counts stream(BufferedReader reader, EventFileFormat format, Rejects rejects, CopyIn copy, Instant now)
            throws IOException, SQLException {
        Counts counts = new Counts();
        EventLineParser parser = format == EventFileFormat.JSONL ? new JsonLinesParser() : null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            counts.lines++;
            if (line.isBlank()) {
                counts.blank++;
                continue;
            }
            if (parser == null) {
                parser = new CsvLineParser(line.startsWith("\uFEFF") ? line.substring(1) : line);
                continue;
            }
            try {
                EventLine event = parser.parse(line);
                validator.validate(event, now);
                byte[] row = CopyRows.row(event).getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(row, 0, row.length);
                counts.loaded++;
            } catch (BadLineException e) {
                rejects.add(counts.lines, e.getMessage(), line);
            }
        }
        return counts;
    }

    private static final class Counts {
        long lines;
        long blank;
        long loaded;
    }

    /** The reject file, created at the first bad line: line number, reason and the line itself, tab-separated. */
    private static final class Rejects implements AutoCloseable {

        private final Path path;
        private BufferedWriter writer;
        private long count;

        Rejects(Path path) {
            this.path = path;
        }

        void add(long lineNumber, String reason, String line) throws IOException {
            if (writer == null) {
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                writer.write("line\treason\tcontent\n");
            }
            writer.write(lineNumber + "\t" + reason.replace('\t', ' ').replace('\n', ' ') + "\t" + line + "\n");
            count++;
        }

        long count() {
            return count;
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                writer.close();
            }
        }
    }
}
