package io.vigil.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final HttpProbe probe = new HttpProbe();
    private final CountDownLatch release = new CountDownLatch(1);
    private ExecutorService handlers;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        handlers = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(handlers);
        server.createContext("/ok", exchange -> respond(exchange, 200, "fine"));
        server.createContext("/missing", exchange -> respond(exchange, 404, "no such page"));
        server.createContext("/broken", exchange -> respond(exchange, 500, "stack trace here"));
        server.createContext("/private", exchange -> {
            String expected = "Basic " + Base64.getEncoder().encodeToString("vigil:http-secret".getBytes(StandardCharsets.UTF_8));
            respond(exchange, expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, "");
        });
        server.createContext("/hang", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "too late");
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        handlers.close();
    }

    @Test
    void okIsUpWithTheStatusCode() {
        ProbeOutcome outcome = probe.probe(target(url("/ok"), Duration.ofSeconds(5)));

        assertThat(outcome.reachable()).as(outcome.errorMessage()).isTrue();
        assertThat(outcome.details()).isEqualTo(Map.of("statusCode", 200));
        assertThat(outcome.latency()).isPositive();
        assertThat(outcome.stats()).isNull();
    }

    @Test
    void clientErrorStillMeansTheServerAnswered() {
        ProbeOutcome outcome = probe.probe(target(url("/missing"), Duration.ofSeconds(5)));

        assertThat(outcome.reachable()).isTrue();
        assertThat(outcome.details()).isEqualTo(Map.of("statusCode", 404));
    }

    @Test
    void serverErrorIsDown() {
        ProbeOutcome outcome = probe.probe(target(url("/broken"), Duration.ofSeconds(5)));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isEqualTo("HttpStatus");
        assertThat(outcome.errorMessage()).isEqualTo("HTTP 500 from " + url("/broken"));
        assertThat(outcome.details()).isEqualTo(Map.of("statusCode", 500));
    }

    @Test
    void sendsBasicCredentialsWhenGiven() {
        ProbeTarget withCredentials = new ProbeTarget("web", Provider.HTTP, url("/private"), "vigil", "http-secret",
                Duration.ofSeconds(5));

        assertThat(probe.probe(withCredentials).details()).isEqualTo(Map.of("statusCode", 200));
        assertThat(probe.probe(target(url("/private"), Duration.ofSeconds(5))).details()).isEqualTo(Map.of("statusCode", 401));
    }

    @Test
    void slowHandlerIsDownWithinTheTimeout() {
        try {
            long start = System.nanoTime();

            ProbeOutcome outcome = probe.probe(target(url("/hang"), TIMEOUT));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(1500));
            assertThat(outcome.reachable()).isFalse();
            assertThat(outcome.errorClass()).isEqualTo("HttpTimeoutException");
            assertThat(outcome.errorMessage()).isEqualTo("GET " + url("/hang") + ": no answer from "
                    + URI.create(url("/hang")).getAuthority() + " within 500 ms");
        } finally {
            release.countDown();
        }
    }

    @Test
    void silentServerIsDownWithinTheTimeout() throws Exception {
        try (ServerSocket silent = TestSockets.silentServer()) {
            long start = System.nanoTime();

            ProbeOutcome outcome = probe.probe(target("http://127.0.0.1:" + silent.getLocalPort() + "/health", TIMEOUT));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(1500));
            assertThat(outcome.reachable()).isFalse();
            assertThat(outcome.errorClass()).isEqualTo("HttpTimeoutException");
        }
    }

    @Test
    void stoppedServerIsDown() {
        String url = url("/ok");
        server.stop(0);

        ProbeOutcome outcome = probe.probe(target(url, Duration.ofSeconds(3)));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isEqualTo("ConnectException");
        assertThat(outcome.errorMessage()).isEqualTo("GET " + url + ": connection refused by " + URI.create(url).getAuthority());
        assertThat(outcome.latency()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void malformedUrlIsDownWithTheAddressError() {
        ProbeOutcome outcome = probe.probe(target("ftp://example.com/", TIMEOUT));

        assertThat(outcome.reachable()).isFalse();
        assertThat(outcome.errorClass()).isEqualTo("IllegalArgumentException");
        assertThat(outcome.errorMessage()).startsWith("address 'ftp://example.com/' is not an http(s) URL");
    }

    @Test
    void tenThousandProbesWith256InFlightAllSucceed() throws Exception {
        ProbeTarget target = target(url("/ok"), Duration.ofSeconds(10));
        Semaphore inFlight = new Semaphore(256);
        List<Future<ProbeOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10_000; i++) {
                inFlight.acquire();
                outcomes.add(fanOut.submit(() -> {
                    try {
                        return probe.probe(target);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }

        List<String> failures = new ArrayList<>();
        for (Future<ProbeOutcome> outcome : outcomes) {
            if (!outcome.get().reachable()) {
                failures.add(outcome.get().errorClass() + ": " + outcome.get().errorMessage());
            }
        }
        assertThat(failures).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static ProbeTarget target(String url, Duration timeout) {
        return new ProbeTarget("web", Provider.HTTP, url, null, null, timeout);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
