package io.vigil.ops.failover;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_JOB_INSTANCE;
import static io.vigil.db.jooq.Tables.BATCH_STEP_EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.db.jooq.tables.records.BatchJobExecutionRecord;
import io.vigil.ops.fixture.ClusterRuns;
import io.vigil.ops.fixture.VigilProcess;
import io.vigil.runs.StaleRuns;
import io.vigil.testing.Eventually;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestSmtp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Property: whatever moment a node dies in a run of any scheduled job, once a surviving node has taken
 * the run over and restarted it, the job's results are those of a clean run. Each job is first run
 * cleanly from its seeded world; then, over many iterations, a run of it from a copy of that world is
 * killed with SIGKILL at a random moment between its start and a little after its clean duration, and
 * the survivor's recovery is awaited and its results compared. The kills are spread over the run's whole
 * span, so they fall before its first step, in and between its steps, mid-transaction and just after a
 * commit, and after its end.
 *
 * <p>Long (several minutes), so outside the default build: {@code mvn -B -Pfailover-loop verify}.
 * {@code -Dvigil.failover-loop.iterations=N} sets the kills per job (default 6) and
 * {@code -Dvigil.failover-loop.seed=S} replays a reported sequence of kill moments,
 * {@code -Dvigil.failover-loop.jobs=rollupJob,...} limits the loop to some jobs.
 */
@Tag("failover-loop")
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class KillAnywhereLoopTest {

    private static final int ITERATIONS = Integer.getInteger("vigil.failover-loop.iterations", 6);
    private static final long SEED = Long.getLong("vigil.failover-loop.seed", System.nanoTime());
    private static final List<String> JOBS = List.of(
            System.getProperty("vigil.failover-loop.jobs", String.join(",", LoopWorld.JOBS)).split(","));
    private static final Duration BOUND = Duration.ofMinutes(2);

    private final Random random = new Random(SEED);
    private final List<String> report = new ArrayList<>();

    @Test
    void aRunKilledAnywhereAndRecoveredEndsWithTheResultsOfACleanRun() throws Exception {
        long start = System.nanoTime();
        try (LoopWorld world = LoopWorld.seed()) {
            report.add("worlds seeded in " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
            for (String job : JOBS) {
                CleanRun clean = cleanRun(world, job);
                int inRun = 0;
                for (int i = 1; i <= ITERATIONS; i++) {
                    // Stratified: the i-th kill falls at random in the i-th of ITERATIONS equal parts of the span,
                    // so the kills cover the whole run however few they are.
                    double part = 1.2 * clean.duration().toMillis() / ITERATIONS;
                    long delay = (long) ((i - 1 + random.nextDouble()) * part);
                    Kill kill = killAndRecover(world, job, i, delay);
                    report.add(String.format("%-16s #%d killed %5d ms after its start of %5d ms: %s", job, i, delay,
                            clean.duration().toMillis(), kill.where()));
                    assertThat(kill.results().lines()).as("%s after a kill %s (seed %d)", job, kill.where(), SEED)
                            .containsExactlyElementsOf(clean.results().lines().toList());
                    inRun += kill.inRun() ? 1 : 0;
                }
                if (ITERATIONS > 1) {
                    // The first part ends at 60 % of a clean run: a loop whose kills all missed the run tested nothing.
                    assertThat(inRun).as("kills that fell inside a run of %s, of %d (seed %d)", job, ITERATIONS, SEED)
                            .isPositive();
                }
            }
        } finally {
            report.add("in all " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
            System.out.println("Kill-anywhere loop, seed " + SEED + ":\n  " + String.join("\n  ", report));
        }
    }

    private record CleanRun(String results, Duration duration) {
    }

    private record Kill(String where, boolean inRun, String results) {
    }

    private CleanRun cleanRun(LoopWorld world, String job) throws Exception {
        TestDatabase database = world.copyFor(job, job + "_clean");
        try (TestSmtp smtp = new TestSmtp().start()) {
            world.runToEnd(job, database, smtp.port());
            BatchJobExecutionRecord run = firstRun(database.dsl(), job);
            String results = JobResults.of(job, database.dsl(), world.slot, smtp);
            assertThat(results).as("a clean run of %s", job).doesNotContain("arrived equals sent: false");
            return new CleanRun(results, Duration.between(run.getStartTime(), run.getEndTime()));
        }
    }

    private Kill killAndRecover(LoopWorld world, String job, int iteration, long delayMillis) throws Exception {
        TestDatabase database = world.copyFor(job, job + "_" + iteration);
        DSLContext dsl = database.dsl();
        ClusterRuns cluster = new ClusterRuns(dsl);
        try (TestSmtp smtp = new TestSmtp().start();
             Survivor survivor = Survivor.start(world.arguments(database, smtp.port()));
             VigilProcess victim = world.launch(job, database, smtp.port())) {
            Eventually.await("a run of " + job + " to start", BOUND, () -> cluster.runsBySlot(job).containsKey(world.slot),
                    victim::isAlive, victim::log);
            TimeUnit.MILLISECONDS.sleep(delayMillis); // the property's random moment, not a wait for a condition
            victim.kill();
            long run = firstRun(dsl, job).getJobExecutionId();
            String where = where(dsl, run);
            boolean inRun = StaleRuns.RUNNING.contains(cluster.status(run));

            Eventually.await("the slot of run " + run + " of " + job + " to complete", BOUND,
                    () -> cluster.runsBySlot(job).get(world.slot).contains("COMPLETED"));
            List<String> runs = cluster.runsBySlot(job).get(world.slot);
            if (inRun) {
                assertThat(runs).as("the killed run taken over, and restarted once").containsExactly("FAILED", "COMPLETED");
                assertThat(cluster.recovery(run)).as("run " + run + "'s takeover").hasValueSatisfying(
                        recovery -> assertThat(recovery.getAction()).isEqualTo("RESTART"));
            } else {
                assertThat(runs).as("a run that ended before its kill").containsExactly("COMPLETED");
            }
            return new Kill(where, inRun, JobResults.of(job, dsl, world.slot, smtp));
        }
    }

    /** The run the victim started: a database of the loop holds the runs of other jobs that built its world. */
    private static BatchJobExecutionRecord firstRun(DSLContext dsl, String job) {
        return dsl.select(BATCH_JOB_EXECUTION.fields()).from(BATCH_JOB_EXECUTION)
                .join(BATCH_JOB_INSTANCE).on(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID.eq(BATCH_JOB_EXECUTION.JOB_INSTANCE_ID))
                .where(BATCH_JOB_INSTANCE.JOB_NAME.eq(job))
                .orderBy(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID).limit(1)
                .fetchOneInto(BATCH_JOB_EXECUTION);
    }

    /** Where the kill fell: the step the run was in and what it had committed, or after the run's end. */
    private static String where(DSLContext dsl, long run) {
        String status = dsl.fetchValue(BATCH_JOB_EXECUTION.STATUS, BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(run));
        var step = dsl.selectFrom(BATCH_STEP_EXECUTION).where(BATCH_STEP_EXECUTION.JOB_EXECUTION_ID.eq(run))
                .orderBy(BATCH_STEP_EXECUTION.STEP_EXECUTION_ID.desc()).limit(1).fetchOne();
        if (!StaleRuns.RUNNING.contains(status)) {
            return "after the run ended " + status;
        }
        if (step == null) {
            return "before its first step";
        }
        return step.getStatus().equals("STARTED")
                ? "in step " + step.getStepName() + " after " + step.getCommitCount() + " commits"
                : "between steps, after " + step.getStepName();
    }
}
