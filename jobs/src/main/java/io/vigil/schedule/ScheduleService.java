package io.vigil.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The operator's handle on the schedules stored in Quartz. Works from any process on the same database,
 * including one whose scheduler is not started: pausing or triggering writes to the shared job store,
 * and the running nodes act on it.
 */
public class ScheduleService {

    private final Scheduler scheduler;

    public ScheduleService(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public List<ScheduleInfo> list() throws SchedulerException {
        List<ScheduleInfo> schedules = new ArrayList<>();
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(ScheduleReconciler.GROUP))) {
            Trigger trigger = scheduler.getTrigger(key);
            if (trigger instanceof CronTrigger cron) {
                schedules.add(new ScheduleInfo(key.getName(), cron.getCronExpression(), cron.getTimeZone().getID(),
                        cron.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING
                                ? MisfirePolicy.SKIP.name() : MisfirePolicy.FIRE_NOW.name(),
                        instant(cron.getPreviousFireTime()), instant(cron.getNextFireTime()),
                        scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED));
            }
        }
        schedules.sort(Comparator.comparing(ScheduleInfo::job));
        return schedules;
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
            List<String> known = list().stream().map(ScheduleInfo::job).toList();
            throw new IllegalArgumentException("no schedule named '" + job + "': known schedules are "
                    + (known.isEmpty() ? "(none: start the daemon once with vigil run to install them)" : String.join(", ", known)));
        }
        return key;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
