package io.vigil.ops;

import io.vigil.alert.rule.Durations;
import io.vigil.alert.silence.Silence;
import io.vigil.alert.silence.Silences;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "silence",
        description = "Silences: alerts about a connection, or a tag's connections, still change state but mail nobody.")
final class SilenceCommand implements Runnable {

    private final VigilContext context;

    @Spec
    private CommandSpec spec;

    SilenceCommand(VigilContext context) {
        this.context = context;
    }

    static final class Target {
        @Option(names = "--connection", paramLabel = "NAME", required = true,
                description = "Silence this connection (see vigil fleet list).")
        String connection;

        @Option(names = "--tag", paramLabel = "TAG", required = true,
                description = "Silence every connection with this tag.")
        String tag;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: see vigil silence --help");
    }

    @Command(name = "add", description = "Silences a connection or a tag from now on, for a while.")
    int add(@ArgGroup(multiplicity = "1") Target target,
            @Option(names = "--for", paramLabel = "DURATION", required = true, converter = DurationConverter.class,
                    description = "How long, e.g. 2h, 90m, 1d12h.") Duration duration,
            @Option(names = "--comment", paramLabel = "TEXT", required = true,
                    description = "Why, for whoever wonders later.") String comment,
            @Option(names = "--author", paramLabel = "NAME",
                    description = "Who (default: $USER).") String author) {
        CommandSpec add = spec.subcommands().get("add").getCommandSpec();
        if (comment.isBlank()) {
            throw new ParameterException(add.commandLine(), "--comment must say why, e.g. --comment \"disk replaced\"");
        }
        String who = author != null && !author.isBlank() ? author : System.getenv("USER");
        if (who == null || who.isBlank()) {
            throw new ParameterException(add.commandLine(), "$USER is not set: say who silences with --author NAME");
        }
        var addition = context.bean(Silences.class).add(target.connection, target.tag, duration, comment.strip(),
                who.strip());
        Silence silence = switch (addition) {
            case Silences.Addition.Added added -> added.silence();
            case Silences.Addition.UnknownConnection unknown ->
                    throw new CommandFailure("no connection named '" + unknown.name() + "': see vigil fleet list");
            case Silences.Addition.UnusedTag unused -> throw new CommandFailure("no connection has the tag '"
                    + unused.tag() + "': see the TAGS column of vigil fleet list");
        };
        out().println("silence " + silence.id() + ": " + silence.target() + " silenced until "
                + Table.text(silence.endsAt()) + " (" + Durations.text(duration) + "); end it early with vigil silence "
                + "expire " + silence.id());
        out().flush();
        return 0;
    }

    @Command(name = "list", description = "Lists the silences in force or to come, newest first.")
    int list(@Option(names = "--all", description = "Also those that ended or were expired.") boolean all,
             @Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        List<Silence> silences = context.bean(Silences.class).list(all);
        if (json) {
            Json.print(out(), silences);
            return 0;
        }
        Instant now = context.bean(Clock.class).instant();
        Table table = Table.of("ID", "TARGET", "STATE", "STARTS", "ENDS", "EXPIRED", "AUTHOR", "COMMENT");
        silences.forEach(s -> table.row(s.id(), s.target(), s.stateAt(now), s.startsAt(), s.endsAt(), s.expiredAt(),
                s.author(), s.comment()));
        out().print(table.isEmpty() ? (all ? "no silences\n" : "no silences in force\n") : table.render());
        out().flush();
        return 0;
    }

    @Command(name = "expire", description = "Ends a silence now.")
    int expire(@Parameters(paramLabel = "ID", description = "The silence's id (see vigil silence list).") long id) {
        var expiry = context.bean(Silences.class).expire(id);
        String message = switch (expiry) {
            case Silences.Expiry.Unknown unknown ->
                    throw new CommandFailure("no silence with id " + id + ": see vigil silence list --all");
            case Silences.Expiry.AlreadyOver over -> "silence " + id + " (" + over.silence().target()
                    + ") was already over: nothing changed";
            case Silences.Expiry.Expired expired -> "silence " + id + " (" + expired.silence().target()
                    + ") expired: its alerts are mailed again from the next evaluation";
        };
        out().println(message);
        out().flush();
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
