package io.vigil.ops.demo;

import io.vigil.health.fleet.ConnectionDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's fleet: real targets on this machine, each with the past it had (see {@link TargetPast}).
 * Redis and MariaDB are declared only if something answers on their usual ports, so that the demo shows
 * what Vigil sees rather than what it is missing.
 */
final class DemoFleet {

    static final Duration SLOW_ANSWER = Duration.ofMillis(1500);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LATENCY_SLO = Duration.ofSeconds(1);
    private static final int CONNECT_TIMEOUT_MS = 300;
    // What PostgreSQL's driver throws when a connection is refused, as the probe records it.
    private static final String REFUSED_BY_POSTGRESQL = "PSQLException";

    private final List<ConnectionDeclaration> connections = new ArrayList<>();
    private final Map<String, TargetPast> pasts = new LinkedHashMap<>();
    private final List<String> outlivingTheDemo = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    static DemoFleet onThisMachine(String slowUrl) {
        DemoFleet fleet = new DemoFleet();
        fleet.addIfAnswering("local-redis", "redis", 6379, "", null, "Redis");
        fleet.addIfAnswering("local-mariadb", "mysql", 3306, "/information_schema", "root", "MariaDB");
        fleet.add("slow-api", "http", slowUrl, null, TargetPast.slow(SLOW_ANSWER, LATENCY_SLO));
        String nobody = "127.0.0.1:" + closedPort();
        fleet.add("nobody-home", "postgresql", nobody + "/postgres", "postgres",
                TargetPast.unreachable(nobody, REFUSED_BY_POSTGRESQL));
        return fleet;
    }

    /** The demo's own embedded PostgreSQL, known once Vigil has started it. */
    void addVigilItself(int port) {
        String endpoint = "127.0.0.1:" + port;
        add("vigil-itself", "postgresql", endpoint + "/postgres", "postgres", TargetPast.healthy(endpoint, TIMEOUT));
    }

    List<ConnectionDeclaration> connections() {
        return List.copyOf(connections);
    }

    /** Each connection's past, by name, in the order they were declared. */
    Map<String, TargetPast> pasts() {
        return Collections.unmodifiableMap(pasts);
    }

    /**
     * The targets that outlive the demo (Redis and MariaDB, where they answered): not the HTTP endpoint it
     * serves, nor its own PostgreSQL, which a later command starts on another port.
     */
    List<String> outlivingTheDemo() {
        return List.copyOf(outlivingTheDemo);
    }

    /** What was left out, and why. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The fleet as configuration: a daemon started in the demo's directory syncs it at start, and would
     * disable every demo connection that it did not find declared.
     */
    List<String> configuration() {
        List<String> lines = new ArrayList<>();
        lines.add("# The demo fleet. slow-api and vigil-itself only answered while the demo ran.");
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
        return lines;
    }

    private void addIfAnswering(String name, String provider, int port, String database, String username,
                                String what) {
        String endpoint = "127.0.0.1:" + port;
        if (answers(port)) {
            add(name, provider, endpoint + database, username, TargetPast.healthy(endpoint, TIMEOUT));
            outlivingTheDemo.add(name);
        } else {
            notes.add(what + " does not answer on " + endpoint + ": left out of the demo fleet");
        }
    }

    private void add(String name, String provider, String address, String username, TargetPast past) {
        connections.add(new ConnectionDeclaration(name, provider, address, username, null, TIMEOUT, LATENCY_SLO,
                List.of("demo", provider), true));
        pasts.put(name, past);
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
