package io.vigil.schedule;

import io.vigil.alert.AlertRuleSync;
import io.vigil.alert.AlertsProperties;
import io.vigil.health.fleet.FleetProperties;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.StaleRunRecovery;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code vigil run} starts, in this order: sync the declared fleet and alert rules, recover the runs a dead node left
 * behind, bring Quartz's schedules in line with the configuration, and only then let the scheduler fire.
 * Only the daemon syncs the fleet and the rules: a one-off command run without their configuration must
 * not disable every connection or rule it does not know about.
 */
public class Daemon {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final FleetSync fleetSync;
    private final FleetProperties fleet;
    private final AlertRuleSync alertRuleSync;
    private final AlertsProperties alerts;
    private final StaleRunRecovery recovery;
    private final ScheduleReconciler reconciler;
    private final SchedulesProperties schedules;
    private final Scheduler scheduler;

    public Daemon(FleetSync fleetSync, FleetProperties fleet, AlertRuleSync alertRuleSync, AlertsProperties alerts,
                  StaleRunRecovery recovery, ScheduleReconciler reconciler, SchedulesProperties schedules,
                  Scheduler scheduler) {
        this.fleetSync = fleetSync;
        this.fleet = fleet;
        this.alertRuleSync = alertRuleSync;
        this.alerts = alerts;
        this.recovery = recovery;
        this.reconciler = reconciler;
        this.schedules = schedules;
        this.scheduler = scheduler;
    }

    public void start() throws SchedulerException {
        fleetSync.sync(fleet.connections());
        alertRuleSync.sync(alerts);
        recovery.recoverStaleRuns();
        reconciler.reconcile(schedules.enabled());
        scheduler.start();
        log.info("Vigil scheduler started as {} with schedules {}", scheduler.getSchedulerInstanceId(),
                schedules.enabled().keySet());
    }
}
