package io.vigil.runs;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Checks this node in while it lives, so other nodes can tell its runs from those of a node that died.
 * Stops last (lowest phase among ours) so that runs being stopped at shutdown still have a live owner.
 * A node that finds it went longer than {@code stale-after} without checking in (it was paused, or cut
 * off from the database) says so: other nodes may have taken its runs over meanwhile.
 */
public class NodeHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final NodeRegistry registry;
    private final NodeIdentity node;
    private final Clock clock;
    private final Duration interval;
    private final Duration staleAfter;
    private ScheduledExecutorService timer;
    // Monotonic, unlike the clock: a pause shows as a gap whatever the wall clock did meanwhile.
    private volatile long lastCheckIn;

    public NodeHeartbeat(NodeRegistry registry, NodeIdentity node, Clock clock, Duration interval, Duration staleAfter) {
        this.registry = registry;
        this.node = node;
        this.clock = clock;
        this.interval = interval;
        this.staleAfter = staleAfter;
    }

    @Override
    public synchronized void start() {
        registry.checkIn(node, clock.instant());
        lastCheckIn = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("vigil-heartbeat"));
        timer.scheduleAtFixedRate(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            registry.checkIn(node, clock.instant());
            Duration silent = Duration.ofNanos(System.nanoTime() - lastCheckIn);
            lastCheckIn = System.nanoTime();
            if (silent.compareTo(staleAfter) > 0) {
                log.warn("Node {} had not checked in for {} s (more than stale-after, {} s): other nodes may have "
                        + "taken its runs over meanwhile", node.nodeId(), silent.toSeconds(), staleAfter.toSeconds());
            }
        } catch (RuntimeException e) {
            // A missed beat is not fatal: the next one may get through before the node counts as stale.
            log.warn("Node {} could not check in: {}", node.nodeId(), e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            registry.checkOut(node);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
