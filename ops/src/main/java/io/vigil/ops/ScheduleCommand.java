package io.vigil.ops;

import io.vigil.schedule.ScheduleInfo;
import io.vigil.schedule.ScheduleQueries;
import io.vigil.schedule.ScheduleService;
import java.io.PrintWriter;
import java.util.List;
import org.quartz.SchedulerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "schedule",
        description = {"The schedules stored in Quartz: list, pause, resume or trigger them.",
                "Changes go to the shared database; the running daemons (vigil run) act on them."})
final class ScheduleCommand implements Runnable {

    private final VigilContext context;

    @Spec
    private CommandSpec spec;

    ScheduleCommand(VigilContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: see vigil schedule --help");
    }

    @Command(name = "list", description = "Lists the schedules with their previous and next fire times.")
    int list(@Option(names = "--json", description = "Print JSON for scripts.") boolean json) {
        List<ScheduleInfo> schedules = context.bean(ScheduleQueries.class).list();
        if (json) {
            Json.print(out(), schedules);
            return 0;
        }
        Table table = Table.of("JOB", "CRON", "ZONE", "MISFIRE", "PREVIOUS FIRE", "NEXT FIRE", "PAUSED");
        schedules.forEach(s -> table.row(s.job(), s.cron(), s.zone(), s.misfire(), s.previousFireTime(),
                s.nextFireTime(), s.paused()));
        out().print(table.isEmpty()
                ? "no schedules: they are installed from the configuration (vigil.schedules.*) when vigil run starts\n"
                : table.render());
        out().flush();
        return 0;
    }

    @Command(name = "pause", description = "Stops a schedule from firing until it is resumed.")
    int pause(@Parameters(paramLabel = "JOB", description = "The schedule's job.") String job) throws SchedulerException {
        schedules().pause(job);
        return done("paused " + job + ": it does not fire until vigil schedule resume " + job);
    }

    @Command(name = "resume",
            description = "Lets a paused schedule fire again; a missed firing follows the schedule's misfire policy.")
    int resume(@Parameters(paramLabel = "JOB", description = "The schedule's job.") String job) throws SchedulerException {
        ScheduleService schedules = schedules();
        schedules.resume(job);
        ScheduleInfo resumed = context.bean(ScheduleQueries.class).list().stream().filter(s -> s.job().equals(job)).findFirst().orElseThrow();
        return done("resumed " + job + ": next fire " + Table.text(resumed.nextFireTime()));
    }

    @Command(name = "trigger",
            description = {"Fires a schedule now, on whichever running daemon picks it up first.",
                    "The firing is for the current slot and is skipped if that slot has a run already.",
                    "vigil jobs launch runs a job here and now for a slot of your choice."})
    int trigger(@Parameters(paramLabel = "JOB", description = "The schedule's job.") String job) throws SchedulerException {
        schedules().trigger(job);
        return done("triggered " + job + ": a running daemon (vigil run) launches it for the current slot; "
                + "follow it with vigil jobs list --job " + job);
    }

    private ScheduleService schedules() {
        return context.bean(ScheduleService.class);
    }

    private int done(String message) {
        out().println(message);
        out().flush();
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
