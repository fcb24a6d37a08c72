package io.vigil.health.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback sockets that misbehave on purpose. */
final class TestSockets {

    /** A port on 127.0.0.1 that nothing listens on: bound once to find it free, then released. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server that completes the TCP handshake (the kernel does it for the backlog) and then never reads or
     * writes a byte: the worst kind of target, which only read timeouts can get away from.
     */
    static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestSockets() {
    }
}
