package io.vigil.functional;

import static io.vigil.testing.AlertFixtures.mailTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.retention.RetentionJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeRegistry;
import io.vigil.runs.RecoverySweep;
import io.vigil.runs.RunRecoveries;
import io.vigil.runs.RunRecovery;
import io.vigil.runs.Slot;
import io.vigil.runs.StaleRunRecovery;
import io.vigil.schedule.Schedules;
import io.vigil.testing.Eventually;
import io.vigil.testing.LostRuns;
import io.vigil.testing.SettableClock;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs left STARTED by a node that stopped checking in are taken over: marked FAILED, mailed to the
 * operators with what was done, and restarted at once while their slot is within the job's catch-up
 * window, or left for an operator after it.
 */
@VigilSpringTest
class StaleRunRecoveryTest {

    private static final String HEALTH = HealthCheckJobConfiguration.JOB;
    private static final String ROLLUP = RollupJobConfiguration.JOB;
    private static final NodeIdentity DEAD = new NodeIdentity("dead-node", "elsewhere", 4242);

    @Autowired StaleRunRecovery recovery;
    @Autowired RecoverySweep sweep;
    @Autowired RunRecoveries recoveries;
    @Autowired NodeRegistry nodes;
    @Autowired NodeIdentity thisNode;
    @Autowired JobRepository jobRepository;
    @Autowired Schedules schedules;
    @Autowired SettableClock clock;
    @Autowired AlertRuleSync ruleSync;
    @Autowired DSLContext dsl;

    @BeforeEach
    void nodes() {
        nodes.checkIn(DEAD, clock.instant().minus(Duration.ofMinutes(5)));
        nodes.checkIn(thisNode, clock.instant());
    }

    @AfterEach
    void stopSweeping() {
        sweep.stop();
    }

    @Test
    void aRunOfADeadNodeInItsCatchUpWindowIsTakenOverAndRestartedWhileALiveNodesRunIsLeftAlone() throws Exception {
        Slot current = schedules.currentSlot(HEALTH, clock);
        JobExecution orphan = startedRun(HEALTH, current, DEAD);
        JobExecution live = startedRun(HEALTH, later(current, Duration.ofHours(1)), thisNode);

        sweep.start();

        RunRecovery taken = recoveries.find(orphan.getId()).orElseThrow();
        assertThat(taken.lostNode()).isEqualTo(DEAD.nodeId());
        assertThat(taken.recoveredBy()).isEqualTo(thisNode.nodeId());
        assertThat(taken.restart()).isTrue();
        assertThat(taken.decision().reason()).isEqualTo("its slot " + current
                + " is within healthCheckJob's catch-up window (10m from the slot's start)");
        assertThat(jobRepository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jobRepository.getJobExecution(live.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(recoveries.find(live.getId())).isEmpty();

        JobExecution restarted = awaitLatestRun(orphan.getJobInstance(), orphan.getId());
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobParameters()).isEqualTo(orphan.getJobParameters());
    }

    @Test
    void aTakenOverRunMailsTheOperatorsThatItIsBeingRestartedAndItsRestartResolves() throws Exception {
        ruleSync.sync(new AlertsProperties(List.of(), List.of("restart@example.com"), null));
        Slot previous = later(schedules.currentSlot(HEALTH, clock), Duration.ofMinutes(-5));
        JobExecution orphan = startedRun(HEALTH, previous, DEAD);

        sweep.start();

        List<EmailOutboxRecord> firing = mailTo(dsl, "restart@example.com");
        assertThat(firing).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("[FIRING:1] CRITICAL healthCheckJob vigil-run-failed");
            assertThat(mail.getTextBody()).contains("  Run: " + orphan.getId() + "\n")
                    .contains("  Failed step: probe\n")
                    .contains("  Failure: the node running it (dead-node) stopped checking in (it died or hung); node "
                            + thisNode.nodeId() + " marked the run FAILED\n")
                    .contains("  Then: node " + thisNode.nodeId() + " restarts it at once, from step probe: its slot "
                            + previous + " is within healthCheckJob's catch-up window")
                    .contains("  vigil jobs list --job healthCheckJob\n")
                    .doesNotContain("vigil jobs restart");
        });
        awaitLatestRun(orphan.getJobInstance(), orphan.getId());
        // Spring Batch stores a run's end before its listeners hear of it: the resolution follows.
        Eventually.await("the resolved email", Duration.ofSeconds(30), () -> mailTo(dsl, "restart@example.com").size() > 1);
        assertThat(mailTo(dsl, "restart@example.com")).hasSize(2).last().satisfies(resolved ->
                assertThat(resolved.getSubject()).isEqualTo("[RESOLVED] healthCheckJob vigil-run-failed"));
    }

    @Test
    void aRunWhoseSlotIsPastTheCatchUpWindowIsLeftForAnOperatorAndTheEmailSaysSo() throws Exception {
        ruleSync.sync(new AlertsProperties(List.of(), List.of("late@example.com"), null));
        // Another job than the others': this alert stays firing, the run being left FAILED.
        Slot old = later(schedules.currentSlot(ROLLUP, clock), Duration.ofMinutes(-10));
        JobExecution orphan = startedRun(ROLLUP, old, DEAD);

        List<RunRecovery> taken = recovery.recoverStaleRuns();

        assertThat(taken).singleElement().satisfies(recovered -> {
            assertThat(recovered.jobExecutionId()).isEqualTo(orphan.getId());
            assertThat(recovered.restart()).isFalse();
            assertThat(recovered.decision().reason()).isEqualTo("its slot " + old
                    + " is past rollupJob's catch-up window (10m from the slot's start): an operator decides");
        });
        assertThat(recovery.recoverStaleRuns()).as("a run is taken over once").isEmpty();
        assertThat(mailTo(dsl, "late@example.com")).singleElement().satisfies(mail ->
                assertThat(mail.getTextBody()).contains("  Then: left FAILED: its slot " + old + " is past")
                        .contains("  vigil jobs restart " + orphan.getId() + "\n"));
    }

    @Test
    void recoveringARunWhoseNodeStillChecksInNeedsForce() throws Exception {
        JobExecution live = startedRun(RetentionJobConfiguration.JOB, Slot.of(clock.instant().minus(Duration.ofDays(3))),
                thisNode);

        assertThatThrownBy(() -> recovery.recover(live.getId(), false))
                .hasMessageContaining("still checks in")
                .hasMessageContaining("--force");
        RunRecovery byHand = recovery.recover(live.getId(), true);
        assertThat(byHand.restart()).isFalse();
        assertThat(byHand.decision().reason()).startsWith("recovered by hand (vigil jobs recover)");
        assertThat(jobRepository.getJobExecution(live.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThatThrownBy(() -> recovery.recover(live.getId(), true))
                .hasMessageContaining("is FAILED, not running");
        assertThatThrownBy(() -> recovery.recover(987654, false)).hasMessageContaining("no run with id 987654");
    }

    @Test
    void aNodeIsStaleOnlyOnceItMissedCheckInsForTheConfiguredTime() {
        NodeIdentity node = new NodeIdentity("quiet-node", "host", 1);
        nodes.checkIn(node, clock.instant());

        assertThat(nodes.isAlive(node.nodeId(), clock.instant().plusSeconds(60), Duration.ofSeconds(60))).isTrue();
        assertThat(nodes.isAlive(node.nodeId(), clock.instant().plusSeconds(61), Duration.ofSeconds(60))).isFalse();
    }

    private JobExecution startedRun(String job, Slot slot, NodeIdentity owner) {
        return LostRuns.startedRun(jobRepository, nodes, job, job.equals(HEALTH) ? "probe" : "first", slot, owner);
    }

    private static Slot later(Slot slot, Duration by) {
        return Slot.of(slot.start().plus(by));
    }

    /** The restart runs in a thread of the sweep's: wait (bounded) for the slot's run after {@code failedId} to end. */
    private JobExecution awaitLatestRun(JobInstance instance, long failedId) {
        Eventually.await("the restart of run " + failedId + " to end", Duration.ofSeconds(60), () -> {
            JobExecution latest = jobRepository.getLastJobExecution(instance);
            return latest.getId() != failedId && !latest.isRunning();
        });
        return jobRepository.getLastJobExecution(instance);
    }
}
