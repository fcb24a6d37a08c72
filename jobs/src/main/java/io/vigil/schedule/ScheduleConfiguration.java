package io.vigil.schedule;

import io.vigil.alert.AlertRuleSync;
import io.vigil.alert.AlertsProperties;
import io.vigil.health.fleet.FleetProperties;
import io.vigil.health.fleet.FleetSync;
import io.vigil.runs.StaleRunRecovery;
import java.util.List;
import org.quartz.Scheduler;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    @Bean
    SlotLauncher slotLauncher(List<Job> jobs, JobRepository jobRepository, JobOperator jobOperator) {
        return new SlotLauncher(jobs, jobRepository, jobOperator);
    }

    @Bean
    ScheduleReconciler scheduleReconciler(Scheduler scheduler, SlotLauncher launcher) {
        return new ScheduleReconciler(scheduler, launcher.jobNames());
    }

    @Bean
    ScheduleService scheduleService(Scheduler scheduler) {
        return new ScheduleService(scheduler);
    }

    @Bean
    Daemon daemon(FleetSync fleetSync, FleetProperties fleet, AlertRuleSync alertRuleSync, AlertsProperties alerts,
                  StaleRunRecovery recovery, ScheduleReconciler reconciler, SchedulesProperties schedules,
                  Scheduler scheduler) {
        return new Daemon(fleetSync, fleet, alertRuleSync, alerts, recovery, reconciler, schedules, scheduler);
    }
}
