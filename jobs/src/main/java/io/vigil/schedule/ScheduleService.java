package io.vigil.schedule;

import java.util.List;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;

/**
 * The operator's handle on the schedules stored in Quartz. Works from any process on the same database,
 * including one whose scheduler is not started: pausing or triggering writes to the shared job store,
 * and the running nodes act on it.
 */
public class ScheduleService {

    private final Scheduler scheduler;
    private final ScheduleQueries queries;

    public ScheduleService(Scheduler scheduler, ScheduleQueries queries) {
        this.scheduler = scheduler;
        this.queries = queries;
    }

    public void pause(String job) throws SchedulerException {
        scheduler.pauseTrigger(triggerKey(job));
    }

    public void resume(String job) throws SchedulerException {
        scheduler.resumeTrigger(triggerKey(job));
    }

    /**
     * Fires the schedule now, on whichever node acquires it. The firing is for the current slot: if that
     * slot has run already it is skipped like any repeated firing ({@code vigil jobs launch} runs a job
     * for a chosen slot instead).
     */
    public void trigger(String job) throws SchedulerException {
        triggerKey(job);
        scheduler.triggerJob(JobKey.jobKey(job, ScheduleReconciler.GROUP));
    }

    private TriggerKey triggerKey(String job) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(job, ScheduleReconciler.GROUP);
        if (!scheduler.checkExists(key)) {
            List<String> known = queries.list().stream().map(ScheduleInfo::job).toList();
            throw new IllegalArgumentException("no schedule named '" + job + "': known schedules are "
                    + (known.isEmpty() ? "(none: start the daemon once with vigil run to install them)" : String.join(", ", known)));
        }
        return key;
    }
}
