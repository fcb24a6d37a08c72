package io.vigil.ops;

import io.vigil.alert.AlertQueries;
import io.vigil.health.CircuitReset;
import io.vigil.health.HealthCheckResult;
import io.vigil.health.HealthCheckService;
import io.vigil.health.circuit.Circuit;
import io.vigil.health.fleet.ConnectionDetailQuery;
import io.vigil.health.fleet.FleetQueries;
import io.vigil.health.fleet.FleetStatus;
import io.vigil.health.status.HealthStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fleet", description = "The monitored connections: their last status, one in full, or a probe now.")
final class FleetCommand implements Runnable {

    private final VigilContext context;

    @Spec
    private CommandSpec spec;

    FleetCommand(VigilContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: see vigil fleet --help");
    }

    @Command(name = "list", description = "Lists every connection with its last check.")
    int list(@Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        List<FleetStatus> fleet = context.bean(FleetQueries.class).statuses();
        if (json) {
            Json.print(out(), fleet);
            return 0;
        }
        out().print(fleet.isEmpty()
                ? "no connections: declare them under vigil.fleet.connections\n"
                : ListTables.fleet(fleet).render());
        out().flush();
        return 0;
    }

    @Command(name = "show",
            description = {"Shows one connection in full: availability, stats, circuit, status changes and alerts.",
                    "Availability and p95 latency over 24 hours, 7 and 30 days come from the health summary, "
                            + "which dailyRollupJob refreshes nightly."})
    int show(@Parameters(paramLabel = "NAME", description = "The connection (see vigil fleet list).") String name,
             @Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        ConnectionReport report = new ConnectionReport(context.bean(ConnectionDetailQuery.class).show(name),
                context.bean(AlertQueries.class).activeOn(name));
        if (json) {
            Json.print(out(), report);
        } else {
            out().print(report.text());
            out().flush();
        }
        return 0;
    }

    @Command(name = "reset",
            description = {"Closes a connection's circuit by hand: the next health check probes it in full.",
                    "For a target you know is back, or whose configuration you fixed."})
    int reset(@Parameters(paramLabel = "NAME", description = "The connection (see vigil fleet list).") String name) {
        Optional<Circuit> before = context.bean(CircuitReset.class).reset(name);
        out().println(before.filter(c -> c.state() == Circuit.State.OPEN)
                .map(c -> "closed the circuit of " + name + " (open since " + Table.text(c.openedAt()) + " after "
                        + c.consecutiveFailures() + " failures in a row): the next health check probes it in full")
                .orElse("the circuit of " + name + " was not open: nothing to reset"));
        out().flush();
        return 0;
    }

    @Command(name = "test",
            description = {"Probes one connection now and prints what it found; nothing is recorded.",
                    "Exits 1 if the connection is DOWN."})
    int test(@Parameters(paramLabel = "NAME", description = "The connection (see vigil fleet list).") String name,
             @Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        HealthCheckResult result = context.bean(HealthCheckService.class).probeNow(name);
        if (json) {
            Json.print(out(), result);
        } else {
            print(result);
        }
        return result.status() == HealthStatus.DOWN ? 1 : 0;
    }

    private void print(HealthCheckResult result) {
        PrintWriter out = out();
        out.println(result.connectionName() + ": " + result.status()
                + (result.latencyMs() == null ? "" : " in " + Table.text(result.latencyMs()) + " ms"));
        Map<String, Object> facts = new LinkedHashMap<>();
        if (result.errorMessage() != null) {
            facts.put("error", (result.errorClass() == null ? "" : result.errorClass() + ": ") + result.errorMessage());
        }
        if (result.details() != null) {
            facts.putAll(result.details());
        }
        if (result.stats() != null) {
            facts.putAll(StatsLines.of(result.stats()));
        }
        Map<String, String> lines = new LinkedHashMap<>();
        facts.forEach((label, value) -> {
            if (value != null) {
                lines.put(label, Table.text(value));
            }
        });
        out.print(Table.labelled(lines));
        out.flush();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
