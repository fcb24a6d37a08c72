package io.vigil.ops;

import io.vigil.runs.NodeStatus;
import io.vigil.runs.RunQueries;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "nodes",
        description = {"Lists the cluster's nodes, alive or stale, with the runs each owns.",
                "A node is every process that checks in (vigil run, and a command running a job): when it started "
                        + "and last checked in, whether it is alive or stale by vigil.node.stale-after, and the runs "
                        + "it owns that are still marked running.",
                "A stale node's runs are taken over by a live daemon at its next sweep."})
final class NodesCommand implements Callable<Integer> {

    private final VigilContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    private boolean json;

    NodesCommand(VigilContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<NodeStatus> nodes = context.bean(RunQueries.class).nodes();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, nodes);
            return 0;
        }
        Table table = Table.of("NODE", "HOST", "PID", "STARTED", "LAST SEEN", "STATE", "RUNS");
        nodes.forEach(n -> table.row(n.nodeId(), n.host(), n.pid(), n.startedAt(), n.lastSeen(),
                n.state().name().toLowerCase(), n.runs().isEmpty() ? null
                        : n.runs().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        out.print(table.isEmpty() ? "no nodes: none checks in (start one with vigil run)\n" : table.render());
        out.flush();
        return 0;
    }
}
