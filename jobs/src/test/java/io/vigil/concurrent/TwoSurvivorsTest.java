package io.vigil.concurrent;

import static io.vigil.db.jooq.Tables.RUN_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeLossPolicy;
import io.vigil.runs.NodeRegistry;
import io.vigil.runs.RecoveredRunObserver;
import io.vigil.runs.RunLookup;
import io.vigil.runs.RunRecoveries;
import io.vigil.runs.RunRecovery;
import io.vigil.runs.Slot;
import io.vigil.runs.StaleRunRecovery;
import io.vigil.runs.StaleRuns;
import io.vigil.testing.LostRuns;
import io.vigil.testing.SettableClock;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two surviving nodes sweep for a dead node's runs at the same instant: each run is taken over by
 * exactly one of them, once, and the other skips it.
 */
@VigilSpringTest
class TwoSurvivorsTest {

    private static final int RUNS = 20;
    private static final NodeIdentity DEAD = new NodeIdentity("dead-node", "elsewhere", 1);

    @Autowired DSLContext dsl;
    @Autowired NodeRegistry nodes;
    @Autowired RunLookup runs;
    @Autowired RunRecoveries recoveries;
    @Autowired JobOperator jobOperator;
    @Autowired NodeLossPolicy policy;
    @Autowired JobRepository jobRepository;
    @Autowired SettableClock clock;
    @Autowired ObjectProvider<RecoveredRunObserver> observers;

    private static int round;

    @RepeatedTest(3)
    void eachRunIsTakenOverByExactlyOneOfThem() throws Exception {
        nodes.checkIn(DEAD, clock.instant().minus(Duration.ofMinutes(5)));
        Set<Long> lost = new HashSet<>();
        Instant night = Instant.parse("2026-10-01T00:00:00Z").plus(Duration.ofDays(round++));
        for (int i = 0; i < RUNS; i++) {
            lost.add(LostRuns.startedRun(jobRepository, nodes, HealthCheckJobConfiguration.JOB, "probe",
                    Slot.of(night.plus(Duration.ofMinutes(5L * i))), DEAD).getId());
        }
        StaleRunRecovery a = survivor("survivor-a");
        StaleRunRecovery b = survivor("survivor-b");
        CyclicBarrier together = new CyclicBarrier(2);

        List<Long> takenByA;
        List<Long> takenByB;
        try (ExecutorService twoNodes = Executors.newFixedThreadPool(2)) {
            var byA = twoNodes.submit(() -> sweepAt(together, a));
            var byB = twoNodes.submit(() -> sweepAt(together, b));
            takenByA = ids(byA.get(60, TimeUnit.SECONDS));
            takenByB = ids(byB.get(60, TimeUnit.SECONDS));
        }

        List<Long> all = new ArrayList<>(takenByA);
        all.addAll(takenByB);
        assertThat(all).as("taken over by A %s and by B %s", takenByA, takenByB).containsExactlyInAnyOrderElementsOf(lost);
        assertThat(dsl.fetchCount(RUN_RECOVERY, RUN_RECOVERY.JOB_EXECUTION_ID.in(lost))).isEqualTo(RUNS);
        assertThat(lost).allSatisfy(id -> assertThat(jobRepository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.FAILED));
        assertThat(a.recoverStaleRuns()).isEmpty();
        assertThat(b.recoverStaleRuns()).isEmpty();
    }

    private StaleRunRecovery survivor(String name) {
        NodeIdentity node = new NodeIdentity(name, "localhost", 2);
        nodes.checkIn(node, clock.instant());
        return new StaleRunRecovery(dsl, new StaleRuns(dsl, nodes, clock, Duration.ofSeconds(60)), nodes, runs, recoveries,
                jobOperator, policy, node, clock, observers.orderedStream().toList());
    }

    private static List<RunRecovery> sweepAt(CyclicBarrier together, StaleRunRecovery survivor) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return survivor.recoverStaleRuns();
    }

    private static List<Long> ids(List<RunRecovery> taken) {
        return taken.stream().map(RunRecovery::jobExecutionId).toList();
    }
}
