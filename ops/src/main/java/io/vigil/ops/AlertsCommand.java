package io.vigil.ops;

import io.vigil.alert.AlertQueries;
import io.vigil.alert.AlertSummary;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "alerts", description = "Alerts: which are pending or firing, and whether they are silenced.")
final class AlertsCommand implements Runnable {

    private final VigilContext context;

    @Spec
    private CommandSpec spec;

    AlertsCommand(VigilContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: see vigil alerts --help");
    }

    @Command(name = "list", description = "Lists the active alerts, most urgent first.")
    int list(@Option(names = "--all", description = "Also the latest resolved ones.") boolean all,
             @Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        List<AlertSummary> alerts = context.bean(AlertQueries.class).list(all);
        if (json) {
            Json.print(out(), alerts);
            return 0;
        }
        Table table = all
                ? Table.of("ID", "STATE", "SEVERITY", "RULE", "SUBJECT", "SINCE", "RESOLVED", "SILENCED", "DESCRIPTION")
                : Table.of("ID", "STATE", "SEVERITY", "RULE", "SUBJECT", "SINCE", "SILENCED", "DESCRIPTION");
        alerts.forEach(a -> {
            if (all) {
                table.row(a.id(), a.state(), a.severity(), a.rule(), a.subject(), a.since(), a.resolvedAt(), a.silenced(),
                        a.description());
            } else {
                table.row(a.id(), a.state(), a.severity(), a.rule(), a.subject(), a.since(), a.silenced(), a.description());
            }
        });
        out().print(table.isEmpty() ? (all ? "no alerts\n" : "no active alerts\n") : table.render());
        out().flush();
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
