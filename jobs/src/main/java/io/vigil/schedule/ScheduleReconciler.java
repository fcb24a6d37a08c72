package io.vigil.schedule;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Quartz's stored schedules match the configuration: adds new ones, updates changed ones (keeping
 * an operator's pause), removes those no longer configured. Safe to run on every node at every start.
 */
public class ScheduleReconciler {

    public static final String GROUP = "vigil";
    private static final Logger log = LoggerFactory.getLogger(ScheduleReconciler.class);

    private final Scheduler scheduler;
    private final Set<String> knownJobs;

    public ScheduleReconciler(Scheduler scheduler, Set<String> knownJobs) {
        this.scheduler = scheduler;
        this.knownJobs = knownJobs;
    }

    public void reconcile(Map<String, SchedulesProperties.Schedule> schedules) throws SchedulerException {
        schedules.forEach(this::validate);
        for (var entry : schedules.entrySet()) {
            upsert(entry.getKey(), entry.getValue());
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!schedules.containsKey(key.getName())) {
                scheduler.deleteJob(key);
                log.info("Schedule {} removed: no longer configured", key.getName());
            }
        }
    }

    private void validate(String job, SchedulesProperties.Schedule schedule) {
        if (!knownJobs.contains(job)) {
            throw new IllegalArgumentException("vigil.schedules." + job + ": there is no job named '" + job
                    + "'; known jobs are " + String.join(", ", knownJobs));
        }
        if (schedule.cron() == null || schedule.cron().isBlank()) {
            throw new IllegalArgumentException("vigil.schedules." + job + ".cron is missing: set a Quartz cron "
                    + "expression, for example \"0 */5 * * * ?\"");
        }
        try {
            SlotResolver.parse(schedule.cron());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vigil.schedules." + job + ".cron: " + e.getMessage(), e);
        }
    }

    private void upsert(String job, SchedulesProperties.Schedule schedule) throws SchedulerException {
        JobKey jobKey = JobKey.jobKey(job, GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(job, GROUP);
        JobDetail detail = JobBuilder.newJob(LaunchBatchJob.class)
                .withIdentity(jobKey)
                .withDescription("Launches Spring Batch job " + job)
                .usingJobData(LaunchBatchJob.BATCH_JOB, job)
                .usingJobData(LaunchBatchJob.CRON, schedule.cron())
                .usingJobData(LaunchBatchJob.ZONE, schedule.zone().getId())
                .storeDurably()
                .build();
        CronTrigger trigger = trigger(triggerKey, jobKey, schedule);
        Trigger existing = scheduler.getTrigger(triggerKey);
        if (existing == null) {
            scheduler.addJob(detail, true);
            try {
                scheduler.scheduleJob(trigger);
                log.info("Schedule {} added: {} ({})", job, schedule.cron(), schedule.zone());
                return;
            } catch (ObjectAlreadyExistsException raced) {
                // Another node starting at the same moment stored it first: judged as any stored schedule.
                existing = scheduler.getTrigger(triggerKey);
            }
        }
        if (!sameSchedule(existing, trigger)) {
            boolean paused = scheduler.getTriggerState(triggerKey) == Trigger.TriggerState.PAUSED;
            scheduler.addJob(detail, true);
            scheduler.rescheduleJob(triggerKey, trigger);
            if (paused) {
                scheduler.pauseTrigger(triggerKey);
            }
            log.info("Schedule {} updated: {} ({}){}", job, schedule.cron(), schedule.zone(), paused ? ", still paused" : "");
        }
    }

    private static CronTrigger trigger(TriggerKey key, JobKey job, SchedulesProperties.Schedule schedule) {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron())
                .inTimeZone(TimeZone.getTimeZone(schedule.zone()));
        cron = schedule.misfire() == MisfirePolicy.SKIP
                ? cron.withMisfireHandlingInstructionDoNothing()
                : cron.withMisfireHandlingInstructionFireAndProceed();
        return TriggerBuilder.newTrigger().withIdentity(key).forJob(job).withSchedule(cron).build();
    }

    private static boolean sameSchedule(Trigger existing, CronTrigger wanted) {
        return existing instanceof CronTrigger cron
                && Objects.equals(cron.getCronExpression(), wanted.getCronExpression())
                && Objects.equals(cron.getTimeZone().getID(), wanted.getTimeZone().getID())
                && cron.getMisfireInstruction() == wanted.getMisfireInstruction();
    }
}
