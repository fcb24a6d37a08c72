package io.vigil.schedule;

import io.vigil.runs.StaleRunRecovery;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code vigil run} starts, in this order: sync every job family's declared rows (in their declared
 * order), recover the runs a dead node left behind, bring Quartz's schedules in line with the
 * configuration, and only then let the scheduler fire.
 */
public class Daemon {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final StartupSyncs syncs;
    private final StaleRunRecovery recovery;
    private final ScheduleReconciler reconciler;
    private final Schedules schedules;
    private final Scheduler scheduler;

    public Daemon(StartupSyncs syncs, StaleRunRecovery recovery, ScheduleReconciler reconciler, Schedules schedules,
                  Scheduler scheduler) {
        this.syncs = syncs;
        this.recovery = recovery;
        this.reconciler = reconciler;
        this.schedules = schedules;
        this.scheduler = scheduler;
    }

    public void start() throws SchedulerException {
        syncs.syncAll();
        recovery.recoverStaleRuns();
        reconciler.reconcile(schedules.enabled());
        scheduler.start();
        log.info("Vigil scheduler started as {} with schedules {}", scheduler.getSchedulerInstanceId(),
                schedules.enabled().keySet());
    }
}
