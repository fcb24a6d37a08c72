package io.vigil.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.SmartLifecycle;

/**
 * On shutdown, asks every run executing in this process to stop at its next chunk boundary and waits
 * for it, so it ends STOPPED and restartable instead of being cut off mid-write. Runs after Quartz has
 * gone to standby (Quartz's phase is higher), so no new run starts meanwhile.
 */
public class GracefulShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final LocalRuns localRuns;
    private final JobOperator jobOperator;
    private final Duration timeout;
    private volatile boolean running;
    private volatile ShutdownReport report;

    public GracefulShutdown(LocalRuns localRuns, JobOperator jobOperator, Duration timeout) {
        this.localRuns = localRuns;
        this.jobOperator = jobOperator;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List<JobExecution> asked = new ArrayList<>();
        for (JobExecution execution : localRuns.running()) {
            try {
                log.info("Shutting down: stopping run {} of {}; restart it later with vigil jobs restart {}",
                        execution.getId(), execution.getJobInstance().getJobName(), execution.getId());
                jobOperator.stop(execution);
                asked.add(execution);
            } catch (JobExecutionNotRunningException e) {
                // Finished between listing and stopping: nothing to do.
            }
        }
        try {
            if (!localRuns.awaitNone(timeout)) {
                log.warn("Runs still executing after {}; they will be recovered by the next node that starts",
                        timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> stillRunning = localRuns.running().stream().map(JobExecution::getId).toList();
        // A run asked to stop may have completed before it reached a chunk boundary: only STOPPED ones wait for a restart.
        List<Long> stopped = asked.stream().filter(e -> e.getStatus() == BatchStatus.STOPPED)
                .map(JobExecution::getId).filter(id -> !stillRunning.contains(id)).toList();
        report = new ShutdownReport(localRuns.ended() - stopped.size(), stopped, stillRunning);
    }

    /** What the shutdown left behind; empty until it has run. */
    public Optional<ShutdownReport> report() {
        return Optional.ofNullable(report);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
