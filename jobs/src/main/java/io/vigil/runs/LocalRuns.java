package io.vigil.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.Ordered;

/**
 * Tracks the runs executing in this process and records this node as their owner. Every job gets it
 * (a {@link RunWideListener}), first, so that a run has its owner before anything else happens in it.
 */
public class LocalRuns implements RunWideListener {

    private final NodeRegistry registry;
    private final NodeIdentity node;
    private final Map<Long, JobExecution> running = new LinkedHashMap<>();
    private int ended;

    public LocalRuns(NodeRegistry registry, NodeIdentity node) {
        this.registry = registry;
        this.node = node;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        registry.recordOwner(execution.getId(), node);
        synchronized (running) {
            running.put(execution.getId(), execution);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        synchronized (running) {
            running.remove(execution.getId());
            ended++;
            running.notifyAll();
        }
    }

    /** How many runs have ended here since this process started, however they ended. */
    public int ended() {
        synchronized (running) {
            return ended;
        }
    }

    public List<JobExecution> running() {
        synchronized (running) {
            return new ArrayList<>(running.values());
        }
    }

    /** Waits until no run is executing here, at most {@code timeout}; true when none is left. */
    public boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                running.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
