package io.vigil.functional;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.testing.AlertFixtures.mailTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeRegistry;
import io.vigil.runs.OwnershipFence;
import io.vigil.runs.RunRecovery;
import io.vigil.runs.Slot;
import io.vigil.runs.StaleRunRecovery;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A node paused in the middle of a run (a long GC, a suspended VM) while another node takes the run
 * over, then woken: what it goes on to write is refused, whether it was inside a step or between two.
 * The pause is played in one JVM: the run's thread waits on a latch while the run's owner is made a
 * node that stopped checking in, and the recovery takes it over.
 */
@VigilSpringTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD) // each test's alert starts unfired
@ExtendWith(OutputCaptureExtension.class)
@Import(OwnershipFenceTest.PausableJob.class)
class OwnershipFenceTest {

    private static final NodeIdentity PAUSED = new NodeIdentity("paused-node", "elsewhere", 4545);

    @Autowired SlotLauncher launcher;
    @Autowired StaleRunRecovery recovery;
    @Autowired NodeRegistry nodes;
    @Autowired PausableJob job;
    @Autowired SettableClock clock;
    @Autowired AlertRuleSync ruleSync;
    @Autowired DSLContext dsl;

    @BeforeEach
    void setUp() {
        dsl.createTableIfNotExists(PausableJob.MARKS).column(PausableJob.STEP).execute();
        nodes.checkIn(PAUSED, clock.instant().minus(Duration.ofMinutes(5)));
        ruleSync.sync(new AlertsProperties(List.of(), List.of("fence@example.com"), null));
    }

    @Test
    void aStepThatWakesInARunTakenOverHasItsCommitRefusedAndRolledBack(CapturedOutput output) throws Exception {
        JobExecution lost = takenOverWhilePaused(job.pauseInFirstStep(), Instant.parse("2026-11-23T01:00:00Z"));
        JobExecution ended = woken(lost);
        assertThat(ended.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution write = step(ended, "write");
        assertThat(write.getFailureExceptions()).first().satisfies(refused ->
                assertThat(refused).hasRootCauseInstanceOf(OptimisticLockingFailureException.class));
        JobExecution stored = job.jobRepository.getJobExecution(lost.getId());
        assertThat(stored.getStatus()).as("left FAILED, restartable, as the takeover left it").isEqualTo(BatchStatus.FAILED);
        assertThat(step(stored, "write").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(marks()).as("what the woken step wrote was rolled back").isEmpty();
        assertLostOwnershipLoggedAndMailedOnce(output, lost);
    }

    @Test
    void aStepThatAWokenNodeWouldStartInARunTakenOverIsRefusedBeforeItDoesAnything(CapturedOutput output)
            throws Exception {
        JobExecution lost = takenOverWhilePaused(job.pauseBetweenSteps(), Instant.parse("2026-11-23T02:00:00Z"));
        JobExecution ended = woken(lost);
        assertThat(ended.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(job.jobRepository.getJobExecution(lost.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution after = step(ended, "after");
        assertThat(after.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(after.getFailureExceptions()).singleElement()
                .satisfies(refused -> assertThat(refused).isInstanceOf(OwnershipFence.LostOwnershipException.class)
                        .hasMessageContaining("was taken over by node "));
        assertThat(job.afterRan).as("the refused step's work never ran").isFalse();
        assertThat(marks()).as("only the step that ended before the pause wrote").containsExactly("write");
        assertLostOwnershipLoggedAndMailedOnce(output, lost);
    }

    private CompletableFuture<SlotLauncher.Outcome> run;
    private Pause pause;

    /** Launches the job, and while its thread waits at the pause, has the run taken over. */
    private JobExecution takenOverWhilePaused(Pause at, Instant slot) throws InterruptedException {
        dsl.deleteFrom(PausableJob.MARKS).execute();
        pause = at;
        run = CompletableFuture.supplyAsync(() -> launcher.launch(PausableJob.JOB, Slot.of(slot), "test"));
        pause.awaitPaused();
        return takeOverFromThePausedNode();
    }

    /** Wakes the paused run and waits for it to end as the woken node sees it. */
    private JobExecution woken(JobExecution lost) throws Exception {
        pause.wake();
        JobExecution ended = Launches.started(run.get(60, TimeUnit.SECONDS));
        assertThat(ended.getId()).isEqualTo(lost.getId());
        return ended;
    }

    /** While the run's thread is paused, its owner becomes a node that stopped checking in, and is taken over. */
    private JobExecution takeOverFromThePausedNode() {
        long id = dsl.select(DSL.max(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID)).from(BATCH_JOB_EXECUTION).fetchOne().value1();
        nodes.recordOwner(id, PAUSED);
        List<RunRecovery> taken = recovery.recoverStaleRuns();
        assertThat(taken).extracting(RunRecovery::jobExecutionId).containsExactly(id);
        assertThat(taken.getFirst().restart()).as(PausableJob.JOB + " has no schedule: left for an operator").isFalse();
        return job.jobRepository.getJobExecution(id);
    }

    private void assertLostOwnershipLoggedAndMailedOnce(CapturedOutput output, JobExecution lost) {
        assertThat(output.getOut()).contains("lost ownership of run " + lost.getId() + " of " + PausableJob.JOB);
        assertThat(mailTo(dsl, "fence@example.com")).as("mailed by the node that took the run over, not again")
                .singleElement().satisfies(mail -> assertThat(mail.getTextBody()).contains("  Run: " + lost.getId() + "\n"));
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    private List<String> marks() {
        return dsl.select(PausableJob.STEP).from(PausableJob.MARKS).fetch(PausableJob.STEP);
    }

    /** Where the run's thread waits, and how the test wakes it. */
    static final class Pause {
        private final CountDownLatch paused = new CountDownLatch(1);
        private final CountDownLatch woken = new CountDownLatch(1);

        void here() {
            paused.countDown();
            try {
                if (!woken.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never woken");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitPaused() throws InterruptedException {
            assertThat(paused.await(60, TimeUnit.SECONDS)).as("the run reached its pause").isTrue();
        }

        void wake() {
            woken.countDown();
        }
    }

    /** A job of two steps that writes a mark each, and can be paused inside the first or after it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class PausableJob {

        static final String JOB = "pausableJob";
        static final Table<?> MARKS = DSL.table(DSL.name("vigil", "fence_marks"));
        static final Field<String> STEP = DSL.field(DSL.name("step"), SQLDataType.CLOB);

        private volatile Pause inStep;
        private volatile Pause betweenSteps;
        volatile boolean afterRan;
        @Autowired JobRepository jobRepository;

        Pause pauseInFirstStep() {
            inStep = new Pause();
            betweenSteps = null;
            return inStep;
        }

        Pause pauseBetweenSteps() {
            inStep = null;
            betweenSteps = new Pause();
            afterRan = false;
            return betweenSteps;
        }

        @Bean
        Job pausableJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, DSLContext dsl) {
            Step write = new StepBuilder("write", jobRepository).tasklet((contribution, context) -> {
                dsl.insertInto(MARKS).set(STEP, "write").execute();
                if (inStep != null) {
                    inStep.here();
                }
                return RepeatStatus.FINISHED;
            }, transactionManager).build();
            Step after = new StepBuilder("after", jobRepository).tasklet((contribution, context) -> {
                afterRan = true;
                dsl.insertInto(MARKS).set(STEP, "after").execute();
                return RepeatStatus.FINISHED;
            }, transactionManager).build();
            return new JobBuilder(JOB, jobRepository)
                    .start(write)
                    .next((execution, step) -> {
                        if (betweenSteps != null) {
                            betweenSteps.here();
                        }
                        return FlowExecutionStatus.COMPLETED;
                    }).on("*").to(after)
                    .end()
                    .build();
        }
    }
}
