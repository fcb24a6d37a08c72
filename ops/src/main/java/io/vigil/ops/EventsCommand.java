package io.vigil.ops;

import io.vigil.event.EventFileFormat;
import io.vigil.event.EventImporter;
import io.vigil.event.EventSummary;
import io.vigil.event.EventSummaryQuery;
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

@Command(name = "events", description = "Analytics events: load a file into vigil.event, or summarise them per day.")
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

    @Command(name = "summary",
            description = {"Shows the events per UTC day and source, newest first, from the event summary.",
                    "Each line counts the events, failures, failure rate, event types and the sum of values; "
                            + "dailyRollupJob refreshes the summary nightly."})
    int summary(@Option(names = "--days", paramLabel = "N", defaultValue = "7",
                        description = "The last N days, today included: 1 to " + EventSummaryQuery.MAX_DAYS
                                + " (default ${DEFAULT-VALUE}).") int days,
                @Option(names = "--source", paramLabel = "S", description = "Only the events of this source.") String source,
                @Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        if (days < 1 || days > EventSummaryQuery.MAX_DAYS) {
            throw new ParameterException(spec.subcommands().get("summary"),
                    "--days must be 1 to " + EventSummaryQuery.MAX_DAYS + ", not " + days);
        }
        EventSummary summary = context.bean(EventSummaryQuery.class).summary(days, source);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, summary);
            return 0;
        }
        out.print(text(summary));
        out.flush();
        return 0;
    }

    private static String text(EventSummary summary) {
        if (!summary.refreshed()) {
            return "no event summary yet: it has never been refreshed.\n  " + SummaryAge.refreshHint(summary.readAt()) + "\n";
        }
        String which = (summary.source() == null ? "events" : "events of " + summary.source()) + " from "
                + summary.from() + " to " + summary.to() + " (UTC days)";
        String asOf = "the event summary " + SummaryAge.asOf(summary.refreshedAt(), summary.readAt());
        if (summary.days().isEmpty()) {
            return "no " + which + " in " + asOf + "\n";
        }
        Table table = Table.of("DAY", "SOURCE", "EVENTS", "FAILURES", "FAILURE RATE", "TYPES", "VALUE SUM");
        summary.days().forEach(d -> table.row(d.day(), d.source(), d.events(), d.failures(),
                d.failureRate() == null ? null : Units.percent(d.failureRate()), d.types(), d.valueSum()));
        return which + ", from " + asOf + ":\n" + table.render();
    }
}
