package io.vigil.runs;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.SmartLifecycle;

/**
 * A daemon's watch over the other nodes: at start and then every heartbeat interval it takes over the
 * runs of nodes that stopped checking in ({@link StaleRunRecovery}), restarts those whose policy says
 * so, and frees the slots of runs whose node died while creating them ({@link OrphanInstances}); restarts
 * run each in a thread of its own so that one long restarted run never delays the next sweep. Only
 * {@code vigil run} starts it (a one-off command must not take runs over); it stops before
 * {@link GracefulShutdown}, so no restart begins while this node's runs are being stopped.
 */
public class RecoverySweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecoverySweep.class);

    private final StaleRunRecovery recovery;
    private final OrphanInstances orphans;
    private final RunLookup runs;
    private final JobOperator jobOperator;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private ExecutorService restarts;

    public RecoverySweep(StaleRunRecovery recovery, OrphanInstances orphans, RunLookup runs, JobOperator jobOperator,
                         Duration interval) {
        this.recovery = recovery;
        this.orphans = orphans;
        this.runs = runs;
        this.jobOperator = jobOperator;
        this.interval = interval;
    }

    /** Sweeps once in the calling thread, then every interval in the background. */
    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        restarts = Executors.newCachedThreadPool(DaemonThreads.named("vigil-takeover"));
        sweep();
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("vigil-recovery-sweep"));
        timer.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            for (RunRecovery taken : recovery.recoverStaleRuns()) {
                if (taken.restart()) {
                    restarts.execute(() -> restart(taken));
                }
            }
            orphans.removeAbandoned();
        } catch (RuntimeException e) {
            // The next sweep tries again: a dead node's runs wait one interval more, nothing is lost.
            log.warn("Could not look for the runs of lost nodes: {}", e.getMessage());
        }
    }

    private void restart(RunRecovery taken) {
        long id = taken.jobExecutionId();
        try {
            JobExecution again = jobOperator.restart(runs.require(id));
            log.info("Run {} of {}, taken over from node {}, restarted as run {}: {}", id, taken.jobName(),
                    taken.lostNode(), again.getId(), again.getStatus());
        } catch (Exception e) {
            log.warn("Could not restart run {} of {}, taken over from node {}: {}. Restart it with vigil jobs restart {}",
                    id, taken.jobName(), taken.lostNode(), e.getMessage(), id);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            restarts.shutdown();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }
}
