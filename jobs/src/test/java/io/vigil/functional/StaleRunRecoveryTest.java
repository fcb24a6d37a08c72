package io.vigil.functional;

import static io.vigil.testing.AlertFixtures.mailTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.db.jooq.tables.records.EmailOutboxRecord;
import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeRegistry;
import io.vigil.runs.Slot;
import io.vigil.runs.StaleRunRecovery;
import io.vigil.testing.SettableClock;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs left STARTED by a node that died are marked FAILED at start, mailed to the operators like any
 * failed run, and can then be restarted.
 */
@VigilSpringTest
class StaleRunRecoveryTest {

    @Autowired StaleRunRecovery recovery;
    @Autowired NodeRegistry nodes;
    @Autowired NodeIdentity thisNode;
    @Autowired JobRepository jobRepository;
    @Autowired JobOperator jobOperator;
    @Autowired SettableClock clock;
    @Autowired AlertRuleSync ruleSync;
    @Autowired DSLContext dsl;

    @Test
    void aRunOfADeadNodeIsRecoveredAndRestartableWhileALiveNodesRunIsLeftAlone() throws Exception {
        NodeIdentity dead = new NodeIdentity("dead-node", "elsewhere", 4242);
        nodes.checkIn(dead, clock.instant().minus(Duration.ofMinutes(5)));
        nodes.checkIn(thisNode, clock.instant());
        JobExecution orphan = startedRun(Instant.parse("2026-11-23T08:00:00Z"), dead);
        JobExecution live = startedRun(Instant.parse("2026-11-23T08:05:00Z"), thisNode);

        assertThat(recovery.recoverStaleRuns()).containsExactly(orphan.getId());

        assertThat(jobRepository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jobRepository.getJobExecution(live.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
        JobExecution restarted = jobOperator.restart(jobRepository.getJobExecution(orphan.getId()));
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void aRecoveredRunMailsTheOperatorsTheRestartCommandAndItsRestartResolves() throws Exception {
        ruleSync.sync(new AlertsProperties(List.of(), List.of("ops@example.com"), null));
        NodeIdentity dead = new NodeIdentity("crashed-node", "elsewhere", 4343);
        nodes.checkIn(dead, clock.instant().minus(Duration.ofMinutes(5)));
        JobExecution orphan = startedRun(Instant.parse("2026-11-23T08:30:00Z"), dead);

        assertThat(recovery.recoverStaleRuns()).containsExactly(orphan.getId());

        List<EmailOutboxRecord> mail = mailTo(dsl, "ops@example.com");
        assertThat(mail).singleElement().satisfies(firing -> {
            assertThat(firing.getSubject()).isEqualTo("[FIRING:1] CRITICAL healthCheckJob vigil-run-failed");
            assertThat(firing.getTextBody()).contains("  Run: " + orphan.getId() + "\n")
                    .contains("  Failure: the node running it stopped checking in")
                    .contains("  vigil jobs restart " + orphan.getId() + "\n");
        });

        jobOperator.restart(jobRepository.getJobExecution(orphan.getId()));
        assertThat(mailTo(dsl, "ops@example.com")).hasSize(2).last()
                .satisfies(resolved -> assertThat(resolved.getSubject()).isEqualTo("[RESOLVED] healthCheckJob vigil-run-failed"));
    }

    @Test
    void recoveringARunWhoseNodeStillChecksInNeedsForce() throws Exception {
        nodes.checkIn(thisNode, clock.instant());
        JobExecution live = startedRun(Instant.parse("2026-11-23T09:00:00Z"), thisNode);

        assertThatThrownBy(() -> recovery.recover(live.getId(), false))
                .hasMessageContaining("still checks in")
                .hasMessageContaining("--force");
        assertThat(recovery.recover(live.getId(), true).getStatus()).isEqualTo(BatchStatus.FAILED);
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

    /** What a node leaves behind when it dies mid-run: an execution still marked STARTED. */
    private JobExecution startedRun(Instant slot, NodeIdentity owner) {
        var parameters = Slot.of(slot).toParameters("test");
        JobInstance instance = jobRepository.createJobInstance(HealthCheckJobConfiguration.JOB, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(BatchStatus.STARTED);
        jobRepository.update(execution);
        nodes.recordOwner(execution.getId(), owner);
        return execution;
    }
}
