package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ALERT_RULE;
import static io.vigil.db.jooq.Tables.JOB_RUN_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.RuleValidator;
import io.vigil.retention.RetentionJobConfiguration;
import io.vigil.runs.DeclaredSync;
import io.vigil.runs.DefaultSchedule;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.Pruner;
import io.vigil.runs.Slot;
import io.vigil.runs.SlotSteps;
import io.vigil.runs.SyncReport;
import io.vigil.schedule.Schedules;
import io.vigil.schedule.SchedulesProperties;
import io.vigil.schedule.SlotLauncher;
import io.vigil.schedule.StartupSyncs;
import io.vigil.testing.Launches;
import io.vigil.testing.VigilSpringTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A job family declared the way the README says, as one configuration class and nothing else: its job
 * is scheduled, owned and retained like the shipped ones, without an edit anywhere in the jobs module.
 */
@VigilSpringTest
@Import(NewJobFamilyTest.SampleFamily.class)
@TestPropertySource(properties = "vigil.retention.samples=3d")
class NewJobFamilyTest {

    private static final Instant NIGHT = Instant.parse("2026-11-23T01:30:00Z");

    @Autowired Schedules schedules;
    @Autowired SlotLauncher launcher;
    @Autowired SampleFamily family;
    @Autowired StartupSyncs startupSyncs;
    @Autowired NodeIdentity node;
    @Autowired DSLContext dsl;

    @Test
    void itsJobRunsOnItsShippedScheduleAndIsOwnedLikeEveryJob() {
        assertThat(schedules.enabled()).containsEntry(SampleFamily.JOB,
                new SchedulesProperties.Schedule("0 30 1 * * ?", null, null, null, null, null));
        assertThat(schedules.currentSlot(SampleFamily.JOB, Clock.fixed(NIGHT.plusSeconds(90), ZoneOffset.UTC)))
                .isEqualTo(Slot.of(NIGHT));

        JobExecution run = Launches.completed(launcher.launch(SampleFamily.JOB, Slot.of(NIGHT), "test"));

        assertThat(family.samplesFor).containsExactly(Slot.of(NIGHT));
        assertThat(dsl.fetchValue(JOB_RUN_OWNER.NODE_ID, JOB_RUN_OWNER.JOB_EXECUTION_ID.eq(run.getId())))
                .isEqualTo(node.nodeId());
    }

    @Test
    void itsPrunerIsAStepOfTheRetentionJobWithItsRetentionFromTheConfiguration() {
        JobExecution retention = Launches.completed(launcher.launch(RetentionJobConfiguration.JOB,
                Slot.of(Instant.parse("2026-11-23T00:45:00Z")), "test"));

        assertThat(retention.getStepExecutions()).extracting(StepExecution::getStepName).contains("pruneSamples");
        assertThat(family.prunedBefore).containsExactly(Instant.parse("2026-11-20T00:45:00Z"));
    }

    @Test
    void itsDeclaredRowsAreSyncedAtStartAfterTheRowsTheyName() {
        Map<String, SyncReport> reports = startupSyncs.syncAll();

        assertThat(reports.keySet()).containsExactly("fleet connections", "alert rules", "samples");
        assertThat(reports.get("samples").synced()).containsExactly("sample-a");
        assertThat(family.syncedAfterTheRules).isTrue();
    }

    /** What a new package would hold in its configuration class. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SampleFamily {

        static final String JOB = "sampleJob";

        final List<Slot> samplesFor = new CopyOnWriteArrayList<>();
        final List<Instant> prunedBefore = new CopyOnWriteArrayList<>();
        volatile boolean syncedAfterTheRules;

        @Bean
        Job sampleJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
            return new JobBuilder(JOB, jobRepository)
                    .start(SlotSteps.once("sample", jobRepository, transactionManager, slot -> {
                        samplesFor.add(slot);
                        return 1;
                    }))
                    .build();
        }

        @Bean
        DefaultSchedule sampleSchedule() {
            return new DefaultSchedule(JOB, "0 30 1 * * ?");
        }

        @Bean
        Pruner samplesPruner() {
            return new Pruner("samples", "pruneSamples", Duration.ofDays(30), cutoff -> {
                prunedBefore.add(cutoff);
                return 0;
            });
        }

        /** Samples name alert rules, so they sync after them; the operators' rule always exists. */
        @Bean
        DeclaredSync samplesSync(DSLContext dsl) {
            return new DeclaredSync() {
                @Override
                public String name() {
                    return "samples";
                }

                @Override
                public int order() {
                    return 300;
                }

                @Override
                public SyncReport sync() {
                    syncedAfterTheRules = dsl.fetchExists(ALERT_RULE, ALERT_RULE.NAME.eq(RuleValidator.OPERATORS_RULE));
                    return new SyncReport(List.of("sample-a"), Map.of(), List.of());
                }
            };
        }
    }
}
