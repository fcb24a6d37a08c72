package io.vigil.ops;

import io.vigil.runs.RunLookup;
import io.vigil.runs.RunQueries;
import io.vigil.runs.RunSummary;
import io.vigil.runs.Slot;
import io.vigil.runs.StaleRunRecovery;
import io.vigil.schedule.Schedules;
import io.vigil.schedule.SlotLauncher;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "jobs",
        description = "Job runs: list them, see why one failed, restart, stop, abandon or recover it, launch a job.")
final class JobsCommand implements Runnable {

    private final VigilContext context;

    @Spec
    private CommandSpec spec;

    JobsCommand(VigilContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: see vigil jobs --help");
    }

    @Command(name = "list", description = "Lists runs, newest first.")
    int list(@Option(names = "--status", paramLabel = "STATUS",
                     description = "Only runs with this status: ${COMPLETION-CANDIDATES}.") BatchStatus status,
             @Option(names = "--job", paramLabel = "NAME", description = "Only runs of this job.") String job,
             @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
                     description = "At most N runs (default ${DEFAULT-VALUE}).") int limit,
             @Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        if (limit < 1) {
            throw new ParameterException(spec.subcommands().get("list"), "--limit must be at least 1, not " + limit);
        }
        List<RunSummary> runs = context.bean(RunQueries.class).list(status == null ? null : status.name(), job, limit);
        if (json) {
            Json.print(out(), runs);
            return 0;
        }
        out().print(runs.isEmpty() ? "no runs" + (status == null && job == null ? "" : " match") + "\n"
                : ListTables.runs(runs).render());
        out().flush();
        return 0;
    }

    @Command(name = "show",
            description = "Shows one run: parameters, owner node, every step with its counts, and what failed it.")
    int show(@Parameters(paramLabel = "ID", description = "The run's id (see vigil jobs list).") long id,
             @Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        var detail = context.bean(RunQueries.class).show(id)
                .orElseThrow(() -> new CommandFailure("no run with id " + id + ": see vigil jobs list"));
        if (json) {
            Json.print(out(), detail);
        } else {
            RunDetailView.print(out(), detail);
        }
        return 0;
    }

    @Command(name = "restart",
            description = {"Restarts a FAILED or STOPPED run in this process, from the step that did not complete.",
                    "Exits 1 unless the new run completes."})
    int restart(@Parameters(paramLabel = "ID", description = "The run's id.") long id) {
        JobRepository repository = context.bean(JobRepository.class);
        JobExecution execution = execution(id);
        BatchStatus status = execution.getStatus();
        if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
            throw new CommandFailure("run " + id + " is " + status + ": only a FAILED or STOPPED run can be restarted"
                    + (status.isRunning() ? "; if its node died, mark it FAILED first with vigil jobs recover " + id : ""));
        }
        JobExecution latest = repository.getLastJobExecution(execution.getJobInstance());
        if (latest != null && latest.getId() != id) {
            throw new CommandFailure("run " + id + " is not the latest run of its slot: run " + latest.getId() + " is ("
                    + latest.getStatus() + "); see vigil jobs show " + latest.getId());
        }
        JobExecution restarted;
        try {
            restarted = context.bean(JobOperator.class).restart(execution);
        } catch (JobRestartException e) {
            throw new CommandFailure("could not restart run " + id + ": " + e.getMessage(), e);
        }
        out().println("run " + id + " restarted as run " + restarted.getId());
        ExecutionReport.print(out(), restarted);
        return restarted.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }

    @Command(name = "stop",
            description = "Asks a running run to stop at its next chunk boundary, wherever it runs; it ends STOPPED.")
    int stop(@Parameters(paramLabel = "ID", description = "The run's id.") long id) {
        JobExecution execution = execution(id);
        BatchStatus status = execution.getStatus();
        if (status != BatchStatus.STARTING && status != BatchStatus.STARTED) {
            throw new CommandFailure("run " + id + " is " + status + ", not running: "
                    + (status == BatchStatus.STOPPING ? "it is stopping already" : "there is nothing to stop"));
        }
        try {
            context.bean(JobOperator.class).stop(execution);
        } catch (JobExecutionNotRunningException e) {
            throw new CommandFailure("run " + id + " finished meanwhile: see vigil jobs show " + id, e);
        }
        // Spring Batch 6 marks the run STOPPED at once; the node running it notices at its next chunk boundary.
        out().println("run " + id + " is " + execution(id).getStatus() + ": the node running it stops at its next "
                + "chunk boundary (vigil jobs show " + id + " shows its step STOPPED then); restart it later with "
                + "vigil jobs restart " + id);
        out().flush();
        return 0;
    }

    @Command(name = "abandon",
            description = "Gives up on a run that did not complete: it will not be restarted, nor its slot run again.")
    int abandon(@Parameters(paramLabel = "ID", description = "The run's id.") long id) {
        JobExecution execution = execution(id);
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.STARTING || status == BatchStatus.STARTED) {
            throw new CommandFailure("run " + id + " is " + status + ": stop it first with vigil jobs stop " + id
                    + ", or if its node died, mark it FAILED with vigil jobs recover " + id);
        }
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            throw new CommandFailure("run " + id + " is " + status + ": only a run that did not complete "
                    + "(STOPPING, STOPPED, FAILED or UNKNOWN) can be abandoned");
        }
        try {
            context.bean(JobOperator.class).abandon(execution);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new CommandFailure("run " + id + " is running again: see vigil jobs show " + id, e);
        }
        out().println("run " + id + " is ABANDONED: it will not be restarted, and slot "
                + execution.getJobParameters().getString(Slot.PARAMETER) + " of "
                + execution.getJobInstance().getJobName() + " is not run again");
        out().flush();
        return 0;
    }

    @Command(name = "recover",
            description = {"Marks FAILED a run left running by a node that died, so that it can be restarted.",
                    "Refused while the run's node still checks in, unless --force."})
    int recover(@Parameters(paramLabel = "ID", description = "The run's id.") long id,
                @Option(names = "--force", description = "Recover even though the run's node still checks in "
                        + "(it is hung, not dead).") boolean force) {
        context.bean(StaleRunRecovery.class).recover(id, force);
        out().println("run " + id + " is FAILED: restart it with vigil jobs restart " + id);
        out().flush();
        return 0;
    }

    @Command(name = "launch",
            description = {"Runs a job in this process for one slot, unless that slot has a run already.",
                    "Exits 1 if the run does not complete, 0 if it completes or the slot is skipped."})
    int launch(@Parameters(paramLabel = "NAME", completionCandidates = JobNames.class,
                       description = "The job: ${COMPLETION-CANDIDATES}.") String job,
               @Option(names = "--slot", paramLabel = "TIME", converter = SlotConverter.class,
                       description = "The slot, an ISO-8601 instant such as " + SlotConverter.EXAMPLE
                               + " (default: the current period of the job's schedule, or the current minute "
                               + "if it has none).") Slot slot) {
        Slot resolved = slot != null ? slot : context.bean(Schedules.class).currentSlot(job, context.bean(Clock.class));
        SlotLauncher.Outcome outcome = context.bean(SlotLauncher.class).launch(job, resolved, "manual");
        if (outcome instanceof SlotLauncher.Skipped skipped) {
            out().println("skipped: " + job + " for slot " + resolved + " has a run already: " + skipped.reason());
            out().flush();
            return 0;
        }
        JobExecution execution = ((SlotLauncher.Started) outcome).execution();
        ExecutionReport.print(out(), execution);
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }

    private JobExecution execution(long id) {
        return context.bean(RunLookup.class).require(id);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
