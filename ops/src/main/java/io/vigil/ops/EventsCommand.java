package io.vigil.ops;

import io.vigil.event.EventFileFormat;
import io.vigil.event.EventImporter;
import io.vigil.event.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "events", description = "Analytics events: load a file into vigil.event.")
final class EventsCommand implements Runnable {

    private final VigilContext context;

    @Spec
    private CommandSpec spec;

    EventsCommand(VigilContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: see vigil events --help");
    }

    @Command(name = "import",
            description = {"Loads a JSON Lines or CSV file of events through COPY, in one transaction.",
                    "Bad lines (unparseable, no time or type, a time far in the future or older than the retention) "
                            + "go to the reject file with their line number and reason; the good ones load.",
                    "Exits 1 if any line was rejected or the file could not be loaded."})
    int importFile(@Parameters(paramLabel = "FILE", description = "A .jsonl or .csv file (see README: The event table).") Path file,
                   @Option(names = "--format", paramLabel = "jsonl|csv",
                           description = "The file's format, if its name does not say.") EventFileFormat format,
                   @Option(names = "--rejects", paramLabel = "PATH",
                           description = "Where bad lines go (default: FILE.rejects).") Path rejects) {
        if (Files.isDirectory(file)) {
            throw new CommandFailure(file.toAbsolutePath() + " is a directory: give the event file itself");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("no such file: " + file.toAbsolutePath());
        }
        if (!Files.isReadable(file)) {
            throw new CommandFailure("cannot read " + file.toAbsolutePath() + ": check its permissions");
        }
        EventFileFormat chosen = format != null ? format : EventFileFormat.of(file);
        Path rejectFile = rejects != null ? rejects : file.resolveSibling(file.getFileName() + ".rejects");
        ImportReport report = context.bean(EventImporter.class).load(file, chosen, rejectFile);
        PrintWriter out = spec.commandLine().getOut();
        out.println("read " + report.lines() + " lines of " + file + " (" + chosen.name().toLowerCase() + ")");
        out.println("  loaded    " + report.loaded());
        out.println("  rejected  " + report.rejected() + (report.rejected() == 0 ? "" : ": see " + report.rejectFile()));
        if (report.blank() > 0) {
            out.println("  blank     " + report.blank() + " (skipped)");
        }
        out.flush();
        return report.rejected() == 0 ? 0 : 1;
    }
}
