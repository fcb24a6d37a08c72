package io.vigil.ops.demo;

import io.vigil.health.fleet.ConnectionDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's fleet: real targets on this machine. Redis and MariaDB are declared only if something
 * answers on their usual ports, so that the demo shows what Vigil sees rather than what it is missing.
 */
final class DemoFleet {

    static final Duration SLOW_ANSWER = Duration.ofMillis(1500);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LATENCY_SLO = Duration.ofSeconds(1);
    private static final int CONNECT_TIMEOUT_MS = 300;

    private final List<ConnectionDeclaration> connections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    static DemoFleet onThisMachine(String slowUrl) {
        DemoFleet fleet = new DemoFleet();
        fleet.addIfAnswering("local-redis", "redis", 6379, "127.0.0.1:6379", null, "Redis");
        fleet.addIfAnswering("local-mariadb", "mysql", 3306, "127.0.0.1:3306/information_schema", "root", "MariaDB");
        fleet.add("slow-api", "http", slowUrl, null);
        fleet.add("nobody-home", "postgresql", "127.0.0.1:" + closedPort() + "/postgres", "postgres");
        return fleet;
    }

    /** The demo's own embedded PostgreSQL, known once Vigil has started it. */
    void addVigilItself(int port) {
        add("vigil-itself", "postgresql", "127.0.0.1:" + port + "/postgres", "postgres");
    }

    List<ConnectionDeclaration> connections() {
        return List.copyOf(connections);
    }

    /** What was left out, and why. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Writes the configuration that later commands need to see the demo's database and fleet: without
     * the fleet declared, a command's start-up sync would disable the demo's connections.
     */
    void write(Path file, Path dataDirectory, List<String> more) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by vigil demo. Use it with --spring.config.additional-location=file:" + file);
        lines.add("# The demo's own embedded PostgreSQL, whatever VIGIL_DB_URL says:");
        lines.add("spring.datasource.url=");
        lines.add("vigil.database.data-dir=" + dataDirectory);
        for (int i = 0; i < connections.size(); i++) {
            ConnectionDeclaration c = connections.get(i);
            String prefix = "vigil.fleet.connections[" + i + "].";
            lines.add(prefix + "name=" + c.name());
            lines.add(prefix + "provider=" + c.provider());
            lines.add(prefix + "address=" + c.address());
            if (c.username() != null) {
                lines.add(prefix + "username=" + c.username());
            }
            lines.add(prefix + "timeout=" + c.timeout().toMillis() + "ms");
            lines.add(prefix + "latency-slo=" + c.latencySlo().toMillis() + "ms");
            lines.add(prefix + "tags=" + String.join(",", c.tags()));
        }
        lines.addAll(more);
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo's configuration " + file, e);
        }
    }

    private void addIfAnswering(String name, String provider, int port, String address, String username, String what) {
        if (answers(port)) {
            add(name, provider, address, username);
        } else {
            notes.add(what + " does not answer on 127.0.0.1:" + port + ": left out of the demo fleet");
        }
    }

    private void add(String name, String provider, String address, String username) {
        connections.add(new ConnectionDeclaration(name, provider, address, username, null, TIMEOUT, LATENCY_SLO,
                List.of("demo", provider), true));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A loopback port where nothing listens: bound, then closed. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port for the demo's unreachable target", e);
        }
    }
}
