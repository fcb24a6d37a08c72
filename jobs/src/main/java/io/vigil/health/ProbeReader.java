package io.vigil.health;

import io.vigil.health.circuit.Circuit;
import io.vigil.health.circuit.CircuitBreaker;
import io.vigil.health.fleet.FleetRepository;
import io.vigil.health.fleet.MonitoredTarget;
import io.vigil.health.probe.ProbeFanOut;
import io.vigil.health.probe.ProbeTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Starts probing every connection that has no check for the slot yet, and reads outcomes as they
 * complete. Which connections still need a check is derived from the table, not from a read count, so a
 * restarted run probes exactly the connections whose results were not committed.
 */
public class ProbeReader implements ItemStreamReader<ProbedConnection> {

    private final FleetRepository fleet;
    private final CircuitRepository circuits;
    private final CircuitBreaker breaker;
    private final ProbeTargets targets;
    private final ProbeFanOut fanOut;
    private final Clock clock;
    private final Instant slot;

    private final Deque<ProbedConnection> unprobed = new ArrayDeque<>();
    private final Map<Long, MonitoredTarget> connections = new LinkedHashMap<>();
    private Map<Long, Circuit> circuitsBefore = Map.of();
    private final Map<Long, Duration> quickTimeouts = new HashMap<>();
    private ProbeFanOut.Run<Long> run;

    public ProbeReader(FleetRepository fleet, CircuitRepository circuits, CircuitBreaker breaker, ProbeTargets targets,
                       ProbeFanOut fanOut, Clock clock, Instant slot) {
        this.fleet = fleet;
        this.circuits = circuits;
        this.breaker = breaker;
        this.targets = targets;
        this.fanOut = fanOut;
        this.clock = clock;
        this.slot = slot;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        List<MonitoredTarget> todo = fleet.enabledWithoutCheck(slot);
        todo.forEach(connection -> connections.put(connection.id(), connection));
        circuitsBefore = circuits.load(connections.keySet());
        Instant now = clock.instant();
        Map<Long, ProbeTarget> toProbe = new LinkedHashMap<>();
        for (MonitoredTarget connection : todo) {
            Circuit circuit = circuit(connection.id());
            CircuitBreaker.Decision decision = breaker.decide(circuit, now);
            if (decision == CircuitBreaker.Decision.SKIP) {
                unprobed.add(new ProbedConnection(connection, circuit, null, false, now, null));
                continue;
            }
            ProbeTargets.Resolved resolved = targets.resolve(connection);
            if (resolved.misconfigured() != null) {
                unprobed.add(new ProbedConnection(connection, circuit, resolved.misconfigured(), false, now, null));
            } else if (decision == CircuitBreaker.Decision.PROBE_QUICK) {
                Duration quick = breaker.quickTimeout(resolved.target().timeout());
                quickTimeouts.put(connection.id(), quick);
                toProbe.put(connection.id(), resolved.target().withTimeout(quick));
            } else {
                toProbe.put(connection.id(), resolved.target());
            }
        }
        run = fanOut.start(toProbe);
    }

    @Override
    public ProbedConnection read() throws InterruptedException {
        if (!unprobed.isEmpty()) {
            return unprobed.poll();
        }
        ProbeFanOut.Completed<Long> completed = run.next();
        if (completed == null) {
            return null;
        }
        MonitoredTarget connection = connections.get(completed.key());
        return new ProbedConnection(connection, circuit(connection.id()), completed.outcome(), true, clock.instant(),
                quickTimeouts.get(connection.id()));
    }

    private Circuit circuit(long connectionId) {
        return circuitsBefore.getOrDefault(connectionId, Circuit.closed());
    }

    @Override
    public void close() {
        if (run != null) {
            run.close();
        }
    }
}
