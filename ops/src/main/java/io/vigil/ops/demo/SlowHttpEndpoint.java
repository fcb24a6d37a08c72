package io.vigil.ops.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The demo's HTTP target: a loopback endpoint that answers 200, but only after a delay. */
final class SlowHttpEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private SlowHttpEndpoint(Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "slow, but fine\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        server.start();
    }

    static SlowHttpEndpoint start(Duration delay) {
        try {
            return new SlowHttpEndpoint(delay);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve the demo's HTTP endpoint on the loopback interface", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
