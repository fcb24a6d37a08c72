package io.vigil.health;

import io.vigil.health.circuit.Circuit;
import io.vigil.health.fleet.FleetRepository;
import io.vigil.health.fleet.MonitoredTarget;
import io.vigil.health.probe.ProbeFanOut;
import io.vigil.health.probe.ProbeOutcome;
import java.time.Clock;

/** Probes one connection on demand ({@code vigil fleet test}), without writing anything. */
public class HealthCheckService {

    private final FleetRepository fleet;
    private final ProbeTargets targets;
    private final ProbeFanOut fanOut;
    private final HealthCheckProcessor processor;
    private final Clock clock;

    public HealthCheckService(FleetRepository fleet, ProbeTargets targets, ProbeFanOut fanOut,
                              HealthCheckProcessor processor, Clock clock) {
        this.fleet = fleet;
        this.targets = targets;
        this.fanOut = fanOut;
        this.processor = processor;
        this.clock = clock;
    }

    public HealthCheckResult probeNow(String name) {
        MonitoredTarget connection = fleet.findByName(name).orElseThrow(() -> new IllegalArgumentException(
                "no connection named '" + name + "': see vigil fleet list"));
        ProbeTargets.Resolved resolved = targets.resolve(connection);
        ProbeOutcome outcome = resolved.misconfigured() != null
                ? resolved.misconfigured()
                : fanOut.probeOne(resolved.target());
        return processor.process(new ProbedConnection(connection, Circuit.closed(), outcome,
                resolved.misconfigured() == null, clock.instant(), null));
    }
}
