package io.vigil.health;

import io.vigil.health.circuit.Circuit;
import io.vigil.health.fleet.FleetRepository;
import io.vigil.health.fleet.MonitoredTarget;
import java.time.Clock;
import java.util.Optional;

/**
 * Closes a connection's circuit by hand ({@code vigil fleet reset}): the operator knows the target is
 * back, or fixed its configuration, and wants the next health check to probe it in full.
 */
public class CircuitReset {

    private final FleetRepository fleet;
    private final CircuitRepository circuits;
    private final Clock clock;

    public CircuitReset(FleetRepository fleet, CircuitRepository circuits, Clock clock) {
        this.fleet = fleet;
        this.circuits = circuits;
        this.clock = clock;
    }

    /** The circuit as it was before the reset; empty if it had never failed. */
    public Optional<Circuit> reset(String name) {
        MonitoredTarget connection = fleet.findByName(name).orElseThrow(() -> new IllegalArgumentException(
                "no connection named '" + name + "': see vigil fleet list"));
        return circuits.close(connection.id(), clock.instant());
    }
}
