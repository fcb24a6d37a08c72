package io.vigil.functional;

import static io.vigil.db.jooq.Tables.JOB_RUN_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.FailedRunAlerts;
import io.vigil.runs.FailureSummary;
import io.vigil.runs.LocalRuns;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.RunWideListener;
import io.vigil.runs.RunWideListeners;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.TestBeans;
import io.vigil.testing.VigilSpringTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Every job gets the run-wide listeners without its configuration naming them: each registered job,
 * run once, is owned by this node and seen by a listener that is nothing but a bean.
 */
@VigilSpringTest
@Import(RunWideListenersTest.RecorderConfiguration.class)
class RunWideListenersTest {

    @Autowired Map<String, Job> jobs;
    @Autowired SlotLauncher launcher;
    @Autowired RunWideListeners runWide;
    @Autowired Recorder recorder;
    @Autowired NodeIdentity node;
    @Autowired DSLContext dsl;

    @Test
    void theRunWideListenersAreTheOwnerFirstThenTheFailureSummaryThenTheRest() {
        List<Class<?>> kinds = runWide.listeners().stream().<Class<?>>map(Object::getClass).toList();

        assertThat(kinds.subList(0, 2)).containsExactly(LocalRuns.class, FailureSummary.class);
        assertThat(kinds).contains(FailedRunAlerts.class, Recorder.class);
    }

    @Test
    void everyRegisteredJobIsOwnedByItsNodeAndHeardByEveryRunWideListener() {
        assertThat(jobs.values()).extracting(Job::getName).contains("healthCheckJob", "rollupJob", "dailyRollupJob",
                "retentionJob", "mailDeliveryJob");
        for (Job job : jobs.values()) {
            JobExecution run = Launches.completed(launcher.launch(job.getName(), Slot.of(TestBeans.START), "test"));

            assertThat(dsl.fetchValue(JOB_RUN_OWNER.NODE_ID, JOB_RUN_OWNER.JOB_EXECUTION_ID.eq(run.getId())))
                    .as(job.getName() + " is owned by this node").isEqualTo(node.nodeId());
            assertThat(recorder.ended).as(job.getName()).contains(job.getName() + ":" + run.getId());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RecorderConfiguration {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    /** A run-wide listener that only a test declares, to show that being a bean is all it takes. */
    static class Recorder implements RunWideListener {

        final List<String> ended = new CopyOnWriteArrayList<>();

        @Override
        public void afterJob(JobExecution execution) {
            ended.add(execution.getJobInstance().getJobName() + ":" + execution.getId());
        }
    }
}
