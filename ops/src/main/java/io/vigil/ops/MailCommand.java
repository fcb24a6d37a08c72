package io.vigil.ops;

import io.vigil.mail.EmailStatus;
import io.vigil.mail.OutboxEntry;
import io.vigil.mail.OutboxQueries;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "mail", description = "The email outbox: what is queued, sent or failed, and sending an email again.")
final class MailCommand implements Runnable {

    private final VigilContext context;

    @Spec
    private CommandSpec spec;

    MailCommand(VigilContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: see vigil mail --help");
    }

    @Command(name = "list", description = "Lists emails, newest first.")
    int list(@Option(names = "--failed", description = "Only FAILED emails (same as --status FAILED).") boolean failed,
             @Option(names = "--status", paramLabel = "STATUS",
                     description = "Only emails with this status: ${COMPLETION-CANDIDATES}.") EmailStatus status,
             @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
                     description = "At most N emails (default ${DEFAULT-VALUE}).") int limit,
             @Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        if (limit < 1) {
            throw new ParameterException(spec.subcommands().get("list"), "--limit must be at least 1, not " + limit);
        }
        if (failed && status != null && status != EmailStatus.FAILED) {
            throw new ParameterException(spec.subcommands().get("list"), "--failed and --status " + status
                    + " contradict each other: give one");
        }
        EmailStatus only = failed ? EmailStatus.FAILED : status;
        List<OutboxEntry> emails = context.bean(OutboxQueries.class).list(only, limit);
        if (json) {
            Json.print(out(), emails);
            return 0;
        }
        out().print(emails.isEmpty() ? "no emails" + (only == null ? "" : " match") + "\n"
                : ListTables.emails(emails).render());
        out().flush();
        return 0;
    }

    @Command(name = "retry",
            description = {"Makes a FAILED (or still PENDING) email due now, with a fresh set of attempts.",
                    "The next mailDeliveryJob run sends it. A SENT email is not sent again."})
    int retry(@Parameters(paramLabel = "ID", description = "The email's id (see vigil mail list).") long id) {
        OutboxEntry before = context.bean(OutboxQueries.class).retry(id)
                .orElseThrow(() -> new CommandFailure("no email with id " + id + ": see vigil mail list"));
        out().println("email " + id + " was " + before.status() + " after " + before.attempts() + " attempt(s)"
                + (before.lastError() == null ? "" : " (last error: " + before.lastError() + ")")
                + "; it is PENDING and due now: the next mailDeliveryJob run sends it");
        out().flush();
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
