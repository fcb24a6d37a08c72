package io.vigil.schedule;

import io.vigil.runs.RecoverySweep;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code vigil run} starts, in this order: sync every job family's declared rows (in their declared
 * order), take over the runs a dead node left behind (and from then on, every heartbeat interval), bring
 * Quartz's schedules in line with the configuration, and only then let the scheduler fire.
 */
public class Daemon {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final StartupSyncs syncs;
    private final RecoverySweep recovery;
    private final ScheduleReconciler reconciler;
    private final Schedules schedules;
    private final Scheduler scheduler;

    public Daemon(StartupSyncs syncs, RecoverySweep recovery, ScheduleReconciler reconciler, Schedules schedules,
                  Scheduler scheduler) {
        this.syncs = syncs;
        this.recovery = recovery;
        this.reconciler = reconciler;
        this.schedules = schedules;
        this.scheduler = scheduler;
    }

    public void start() throws SchedulerException {
        syncs.syncAll();
        recovery.start();
        reconciler.reconcile(schedules.enabled());
        scheduler.start();
        log.info("Vigil scheduler started as {} with schedules {}", scheduler.getSchedulerInstanceId(),
                schedules.enabled().keySet());
    }
}
