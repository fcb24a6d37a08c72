package io.vigil.ops;

import io.vigil.runs.RunDetail;
import io.vigil.runs.RunRecovery;
import io.vigil.runs.RunSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code vigil jobs show} for humans: the run, its steps with their counts, and what failed it. */
final class RunDetailView {

    static void print(PrintWriter out, RunDetail detail) {
        RunSummary run = detail.summary();
        out.println("run " + run.id() + " of " + run.job() + " for slot " + Table.text(run.slot()));
        line(out, "status", run.status() + " (exit code " + Table.text(run.exitCode()) + ")");
        line(out, "started", Table.text(run.startTime()));
        line(out, "ended", Table.text(run.endTime()));
        line(out, "owner node", Table.text(detail.ownerNode()));
        if (detail.recovery() != null) {
            RunRecovery recovery = detail.recovery();
            line(out, "taken over", "by node " + recovery.recoveredBy() + " at " + Table.text(recovery.recoveredAt())
                    + (recovery.restart() ? ", and restarted: " : ", and left FAILED: ") + recovery.decision().reason());
        }
        line(out, "parameters", parameters(detail.parameters()));
        out.println();
        Table steps = Table.of("STEP", "STATUS", "READ", "WRITE", "FILTER", "SKIP", "COMMIT", "ROLLBACK", "STARTED",
                "ENDED", "EXIT CODE");
        for (RunDetail.Step step : detail.steps()) {
            steps.row(step.name(), step.status(), step.readCount(), step.writeCount(), step.filterCount(),
                    step.skipCount(), step.commitCount(), step.rollbackCount(), step.startTime(), step.endTime(),
                    step.exitCode());
        }
        out.print(steps.isEmpty() ? "no steps ran\n" : steps.render());
        boolean stepFailure = false;
        for (RunDetail.Step step : detail.steps()) {
            List<String> exception = Failures.exceptionLines(step.exitMessage());
            if (!exception.isEmpty()) {
                stepFailure = true;
                out.println();
                out.println("step " + step.name() + " " + step.status() + ":");
                if (step.failure() != null) {
                    out.println("  cause: " + step.failure());
                }
                exception.forEach(line -> out.println("  " + line));
                if (Failures.truncated(step.exitMessage())) {
                    out.println("  (Spring Batch stores only the first " + Failures.STORED_EXIT_MESSAGE_LIMIT
                            + " characters of the stack trace, so its causes may be cut off: the log of node "
                            + Table.text(detail.ownerNode()) + " has all of it)");
                }
            }
        }
        List<String> runException = Failures.exceptionLines(detail.exitMessage());
        if (!stepFailure && !runException.isEmpty()) {
            out.println();
            out.println("run " + run.status() + ":");
            runException.forEach(line -> out.println("  " + line));
        }
        if ("FAILED".equals(run.status()) || "STOPPED".equals(run.status())) {
            out.println();
            out.println("once the cause is fixed, restart it: vigil jobs restart " + run.id());
        }
        out.flush();
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-12s%s%n", label, value);
    }

    private static String parameters(Map<String, String> parameters) {
        return parameters.isEmpty() ? "-" : parameters.entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                .collect(Collectors.joining(", "));
    }

    private RunDetailView() {
    }
}
