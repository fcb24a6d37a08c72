package io.vigil.schedule;

import io.vigil.runs.DeclaredSync;
import io.vigil.runs.DefaultSchedule;
import io.vigil.runs.GracefulShutdown;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeLossPolicy;
import io.vigil.runs.RecoverySweep;
import java.util.List;
import org.jooq.DSLContext;
import org.quartz.Scheduler;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    @Bean
    SlotLauncher slotLauncher(List<Job> jobs, JobRepository jobRepository, JobOperator jobOperator) {
        return new SlotLauncher(jobs, jobRepository, jobOperator);
    }

    @Bean
    Schedules schedules(List<DefaultSchedule> defaults, SchedulesProperties configured) {
        return new Schedules(defaults, configured);
    }

    @Bean
    NodeLossPolicy catchUpPolicy(Schedules schedules) {
        return new CatchUpPolicy(schedules);
    }

    @Bean
    ScheduleReconciler scheduleReconciler(Scheduler scheduler, SlotLauncher launcher) {
        return new ScheduleReconciler(scheduler, launcher.jobNames());
    }

    @Bean
    ScheduleQueries scheduleQueries(DSLContext dsl, @Value("${spring.quartz.scheduler-name:vigil}") String schedulerName) {
        return new ScheduleQueries(dsl, schedulerName);
    }

    @Bean
    ScheduleService scheduleService(Scheduler scheduler, ScheduleQueries queries) {
        return new ScheduleService(scheduler, queries);
    }

    @Bean
    StartupSyncs startupSyncs(List<DeclaredSync> syncs) {
        return new StartupSyncs(syncs);
    }

    @Bean
    Daemon daemon(StartupSyncs syncs, RecoverySweep recovery, ScheduleReconciler reconciler, Schedules schedules,
                  Scheduler scheduler, NodeIdentity node, GracefulShutdown shutdown, DSLContext dsl) {
        return new Daemon(syncs, recovery, reconciler, schedules, scheduler, node, shutdown, dsl);
    }
}
