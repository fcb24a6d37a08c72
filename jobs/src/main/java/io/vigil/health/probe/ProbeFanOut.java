package io.vigil.health.probe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Probes many targets at once on virtual threads, at most {@code maxInFlight} at a time, and hands back
 * outcomes in the order they complete. Each probe gets a hard deadline of its timeout plus a grace
 * period on top of its own socket timeouts, so one hanging target delays nothing but itself.
 */
public class ProbeFanOut {

    private final Probes probes;
    private final int maxInFlight;
    private final Duration grace;

    public ProbeFanOut(Probes probes, int maxInFlight, Duration grace) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("vigil.health.max-in-flight must be at least 1");
        }
        this.probes = probes;
        this.maxInFlight = maxInFlight;
        this.grace = grace;
    }

    public <K> Run<K> start(Map<K, ProbeTarget> targets) {
        return new Run<>(targets);
    }

    /** Probes one target with the same deadline as a fan-out, in the calling thread's stead. */
    public ProbeOutcome probeOne(ProbeTarget target) {
        try (Run<String> run = start(Map.of(target.name(), target))) {
            return run.next().outcome();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeOutcome.down(Duration.ZERO, "Interrupted", "probe interrupted", Map.of());
        }
    }

    public record Completed<K>(K key, ProbeOutcome outcome) {
    }

    public final class Run<K> implements AutoCloseable {

        private final BlockingQueue<Completed<K>> completed = new LinkedBlockingQueue<>();
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final Semaphore inFlight = new Semaphore(maxInFlight);
        private int remaining;

        private Run(Map<K, ProbeTarget> targets) {
            remaining = targets.size();
            targets.forEach((key, target) -> threads.execute(() -> completed.add(new Completed<>(key, guarded(target)))));
        }

        /** The next outcome to complete, or null when every target has been reported. */
        public Completed<K> next() throws InterruptedException {
            if (remaining == 0) {
                return null;
            }
            remaining--;
            return completed.take();
        }

        private ProbeOutcome guarded(ProbeTarget target) {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ProbeOutcome.down(Duration.ZERO, "Interrupted", "probe cancelled before it started", Map.of());
            }
            long start = System.nanoTime();
            Future<ProbeOutcome> probe = threads.submit(() -> probes.forProvider(target.provider()).probe(target));
            try {
                return probe.get(target.timeout().plus(grace).toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                probe.cancel(true);
                return ProbeOutcome.down(Duration.ofNanos(System.nanoTime() - start), "Timeout",
                        "no answer within " + target.timeout().toMillis() + " ms", Map.of());
            } catch (ExecutionException e) {
                // Probes never throw by contract; this guards the fan-out against one that does.
                return ProbeOutcome.down(Duration.ofNanos(System.nanoTime() - start),
                        e.getCause().getClass().getSimpleName(), "probe failed unexpectedly", Map.of());
            } catch (InterruptedException e) {
                probe.cancel(true);
                Thread.currentThread().interrupt();
                return ProbeOutcome.down(Duration.ofNanos(System.nanoTime() - start), "Interrupted", "probe cancelled", Map.of());
            } finally {
                inFlight.release();
            }
        }

        @Override
        public void close() {
            threads.shutdownNow();
        }
    }
}
