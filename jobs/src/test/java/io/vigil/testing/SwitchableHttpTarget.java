package io.vigil.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * An HTTP target on a port of its own that a test stops (connections are refused, as when a service is
 * down) and starts again on the same port, as a restarted service comes back. Answers 200 while up.
 */
public final class SwitchableHttpTarget implements AutoCloseable {

    private final int port = TestHttpServer.closedPort();
    private HttpServer server;

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public synchronized SwitchableHttpTarget start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port + " again", e);
        }
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
