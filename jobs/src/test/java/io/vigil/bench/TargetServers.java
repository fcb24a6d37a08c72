package io.vigil.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Several JDK HTTP servers on loopback, each on its own port, so that the probes' client sees separate
 * targets (one connection pool per host and port). {@code /ok/N} answers 200 at once; {@code /hang/N}
 * holds the request until {@link #releaseHanging()} (called at the end of each round, long after the
 * probes' timeout), or {@code maxHold} at most.
 */
final class TargetServers implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private final AtomicLong firstArrival = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastAnswered = new AtomicLong();
    private final AtomicLong lastHangArrival = new AtomicLong();

    private final Duration maxHold;

    /** @param maxHold how long a hanging request is held at most when nobody releases it */
    TargetServers(int count, Duration maxHold) {
        this.maxHold = maxHold;
        try {
            for (int i = 0; i < count; i++) {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
                server.setExecutor(handlers);
                server.createContext("/ok/", exchange -> {
                    arrived();
                    respond(exchange, 200);
                    lastAnswered.accumulateAndGet(System.nanoTime(), Math::max);
                });
                server.createContext("/hang/", this::hang);
                server.start();
                servers.add(server);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    String url(int index, boolean hanging) {
        HttpServer server = servers.get(index % servers.size());
        return "http://127.0.0.1:" + server.getAddress().getPort() + (hanging ? "/hang/" : "/ok/") + index;
    }

    private void hang(HttpExchange exchange) {
        lastHangArrival.accumulateAndGet(arrived(), Math::max);
        CountDownLatch latch = release;
        held.incrementAndGet();
        try {
            latch.await(maxHold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
        respond(exchange, 200); // the prober gave up long ago; this only fails quietly
    }

    private static void respond(HttpExchange exchange, int status) {
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            // The client timed out and closed the connection.
        } finally {
            exchange.close();
        }
    }

    private long arrived() {
        long now = System.nanoTime();
        firstArrival.accumulateAndGet(now, Math::min);
        return now;
    }

    /**
     * When the probes of a measurement reached the targets, relative to its start: the first request, and
     * the end of the last probe (the last answer, or the last hanging request's arrival plus the timeout).
     */
    Timeline timeline(long startNanos, Duration timeout) {
        long end = Math.max(lastAnswered.get(), lastHangArrival.get() == 0 ? 0 : lastHangArrival.get() + timeout.toNanos());
        Timeline timeline = new Timeline((firstArrival.get() - startNanos) / 1e9, (end - startNanos) / 1e9);
        firstArrival.set(Long.MAX_VALUE);
        lastAnswered.set(0);
        lastHangArrival.set(0);
        return timeline;
    }

    /** Lets every held request go: the round is over, the probes timed out long ago. */
    void releaseHanging() {
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
    }

    @Override
    public void close() {
        releaseHanging();
        servers.forEach(server -> server.stop(0));
        handlers.close(); // waits for the released handlers to finish: no thread is left behind
    }
}
