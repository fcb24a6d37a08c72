package io.vigil.ops.concurrent;

import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.db.jooq.tables.records.RunRecoveryRecord;
import io.vigil.ops.fixture.ClusterRuns;
import io.vigil.ops.fixture.HoldingTarget;
import io.vigil.ops.fixture.VigilProcess;
import io.vigil.testing.Eventually;
import io.vigil.testing.PostgresServer;
import io.vigil.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Daemons as separate processes on one database, one of them lost in the middle of a health check's
 * probe step: killed (SIGKILL), killed and started again by systemd 10 s later, or paused (SIGSTOP) past
 * stale-after and woken. Each time the lost run is taken over once and restarted, and every slot ends
 * with exactly one COMPLETED run and one health check per connection.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class NodeLossTest {

    private static final String JOB = "healthCheckJob";
    private static final Duration HEARTBEAT = Duration.ofMillis(500);
    private static final Duration STALE_AFTER = Duration.ofSeconds(4);
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final String STARTED = "vigil started: node ";
    private static final int CONNECTIONS = 2;

    private final HoldingTarget target = new HoldingTarget();
    private final List<VigilProcess> processes = new ArrayList<>();
    private TestDatabase database;
    private ClusterRuns cluster;

    @BeforeEach
    void database() {
        database = PostgresServer.newDatabase("node_loss");
        cluster = new ClusterRuns(database.dsl());
    }

    @AfterEach
    void stopEverything() throws IOException {
        for (VigilProcess process : processes) {
            process.close();
        }
        target.close();
    }

    @Test
    void aKilledNodesRunIsTakenOverByTheSurvivorWithinStaleAfterAndRestarted() throws Exception {
        List<VigilProcess> daemons = twoDaemons();
        long run = runInProbeStep();
        VigilProcess owner = ownerOf(run, daemons);
        VigilProcess survivor = other(owner, daemons);
        owner.kill();
        Instant killed = Instant.now();
        target.release();

        RunRecoveryRecord recovery = awaitTakenOver(run, survivor);
        assertThat(Duration.between(killed, recovery.getRecoveredAt()))
                .as("taken over within stale-after plus one heartbeat (and 3 s for a loaded machine)")
                .isLessThan(STALE_AFTER.plus(HEARTBEAT).plusSeconds(3));
        awaitRestartCompleted(run);
        awaitLaterSlotCompleted(recovery.getRecoveredAt());
        assertEverySlotRanOnce(run);
    }

    @Test
    void aNodeKilledAndStartedAgainTenSecondsLaterTakesItsOwnRunOverOnceItsOldSelfIsStale() throws Exception {
        // Longer than systemd's RestartSec=10s plus a start: the new process finds its old self not yet stale.
        Duration staleAfter = Duration.ofSeconds(30);
        VigilProcess first = daemon(staleAfter);
        first.awaitLog(STARTED, STARTUP);
        long run = runInProbeStep();
        first.kill();
        target.release();

        TimeUnit.SECONDS.sleep(10); // the scenario: systemd's RestartSec=10s, not a wait for a condition
        VigilProcess again = daemon(staleAfter);
        again.awaitLog(STARTED, STARTUP);
        assertThat(cluster.status(run)).as("not stale yet when it started: left alone").isEqualTo("STARTED");

        RunRecoveryRecord recovery = awaitTakenOver(run, again);
        assertThat(again.log().indexOf("Run " + run + " of " + JOB + " was left STARTED"))
                .as("taken over by a sweep after its start, not at it").isGreaterThan(again.log().indexOf(STARTED));
        assertThat(recovery.getAction()).isEqualTo("RESTART");
        awaitRestartCompleted(run);
        awaitLaterSlotCompleted(recovery.getRecoveredAt());
        assertEverySlotRanOnce(run);
    }

    @Test
    void aPausedNodeThatWakesAfterItsRunWasTakenOverWritesNothingAndSaysItLostIt() throws Exception {
        List<VigilProcess> daemons = twoDaemons();
        long run = runInProbeStep();
        VigilProcess paused = ownerOf(run, daemons);
        VigilProcess survivor = other(paused, daemons);
        paused.pause();
        try {
            // Its probe gets its answer while it sleeps, and goes on to write it as soon as it wakes.
            target.release();
            awaitTakenOver(run, survivor);
            awaitRestartCompleted(run);
        } finally {
            paused.resume();
        }

        paused.awaitLog("lost ownership of run " + run + " of " + JOB, BOUND);
        awaitLaterSlotCompleted(cluster.recovery(run).orElseThrow().getRecoveredAt());
        assertThat(paused.log()).contains("had not checked in for");
        assertThat(paused.isAlive()).isTrue();
        assertThat(cluster.runsOfSlotOf(run)).as("its run stays FAILED, its restart COMPLETED")
                .containsExactly("FAILED", "COMPLETED");
        assertThat(database.dsl().fetchCount(EMAIL_OUTBOX, EMAIL_OUTBOX.SUBJECT.like("[FIRING%" + JOB + "%")))
                .as("the takeover is mailed once, by the node that took it over").isEqualTo(1);
        assertEverySlotRanOnce(run);
    }

    private VigilProcess daemon(Duration staleAfter) throws IOException {
        String outbox = Files.createTempDirectory("vigil-outbox-").toString();
        VigilProcess process = VigilProcess.start("run",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=",
                "--vigil.node.heartbeat-interval=" + HEARTBEAT.toMillis() + "ms",
                "--vigil.node.stale-after=" + staleAfter.toSeconds() + "s",
                "--vigil.schedules.healthCheckJob.cron=0/5 * * * * ?",
                // Every five seconds, the shipped window (twice the period) would be 10 s: less than a takeover.
                "--vigil.schedules.healthCheckJob.catch-up=10m",
                "--vigil.schedules.rollupJob.enabled=false", "--vigil.schedules.dailyRollupJob.enabled=false",
                "--vigil.schedules.retentionJob.enabled=false", "--vigil.schedules.mailDeliveryJob.enabled=false",
                "--vigil.fleet.connections[0].name=held", "--vigil.fleet.connections[0].provider=http",
                "--vigil.fleet.connections[0].address=" + target.url("/held"), "--vigil.fleet.connections[0].timeout=5m",
                "--vigil.fleet.connections[1].name=steady", "--vigil.fleet.connections[1].provider=http",
                "--vigil.fleet.connections[1].address=" + target.url("/steady"),
                "--vigil.alerts.operators[0]=ops@example.com", "--vigil.mail.outbox-dir=" + outbox,
                // Quartz hands a dead node's schedule over after its own check-in interval: keep it short.
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000");
        processes.add(process);
        return process;
    }

    /** Holds the next probe and returns the run it belongs to, caught in its probe step. */
    private long runInProbeStep() throws InterruptedException {
        target.holdNextRequest();
        target.awaitHeld(BOUND);
        return cluster.startedRun(JOB).orElseThrow(() -> new AssertionError("a probe is held but no run is STARTED"));
    }

    private List<VigilProcess> twoDaemons() throws IOException {
        List<VigilProcess> daemons = List.of(daemon(STALE_AFTER), daemon(STALE_AFTER));
        daemons.forEach(daemon -> daemon.awaitLog(STARTED, STARTUP));
        return daemons;
    }

    private static VigilProcess other(VigilProcess one, List<VigilProcess> two) {
        return two.get(0) == one ? two.get(1) : two.get(0);
    }

    private VigilProcess ownerOf(long run, List<VigilProcess> candidates) {
        long pid = cluster.ownerPid(run).orElseThrow();
        return candidates.stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("run " + run + " is owned by pid " + pid + ", none of ours"));
    }

    private RunRecoveryRecord awaitTakenOver(long run, VigilProcess by) {
        Eventually.await("run " + run + " to be taken over", BOUND, () -> cluster.recovery(run).isPresent(),
                by::isAlive, by::log);
        RunRecoveryRecord recovery = cluster.recovery(run).orElseThrow();
        assertThat(recovery.getRecoveredBy()).as("taken over by the live node").contains("-" + by.pid() + "-");
        assertThat(recovery.getAction()).isEqualTo("RESTART");
        assertThat(cluster.status(run)).isEqualTo("FAILED");
        return recovery;
    }

    private void awaitRestartCompleted(long run) {
        Eventually.await("the slot of run " + run + " to complete", BOUND,
                () -> cluster.runsOfSlotOf(run).contains("COMPLETED"));
    }

    /** The cluster goes on: a slot after the takeover runs too. */
    private void awaitLaterSlotCompleted(Instant after) {
        Eventually.await("a slot after " + after + " to complete", BOUND,
                () -> cluster.completedSlots(JOB).stream().anyMatch(slot -> slot.isAfter(after)));
    }

    /**
     * Every slot whose runs have ended has exactly one COMPLETED run, its last, and one health check per
     * connection; a slot whose run is still going (the daemons run on) is not judged yet.
     */
    private void assertEverySlotRanOnce(long lostRun) {
        assertThat(cluster.runsOfSlotOf(lostRun)).containsExactly("FAILED", "COMPLETED");
        var runs = cluster.runsBySlot(JOB);
        var checks = cluster.healthChecksPerSlot();
        runs.values().removeIf(statuses -> statuses.stream().anyMatch(s -> s.startsWith("START") || s.equals("STOPPING")));
        assertThat(runs).as("the lost slot and a later one").hasSizeGreaterThanOrEqualTo(2);
        runs.forEach((slot, statuses) -> {
            assertThat(statuses).as("the runs of slot " + slot).containsOnlyOnce("COMPLETED").last().isEqualTo("COMPLETED");
            assertThat(checks.get(slot)).as("health checks of slot " + slot).isEqualTo(CONNECTIONS);
        });
        assertThat(checks.keySet()).as("no health checks without a run of their slot").isSubsetOf(cluster.runsBySlot(JOB).keySet());
    }
}
