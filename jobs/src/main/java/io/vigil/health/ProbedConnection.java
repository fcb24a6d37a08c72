package io.vigil.health;

import io.vigil.health.circuit.Circuit;
import io.vigil.health.fleet.MonitoredTarget;
import io.vigil.health.probe.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * What the probe step read for one connection.
 *
 * @param outcome null when the circuit was open and the target was not probed
 * @param probed       false when nothing reached the target (circuit open, or misconfigured): the circuit
 *                     must not move
 * @param quickTimeout the bound of a quick probe (its circuit is open), or null for a full probe
 */
public record ProbedConnection(MonitoredTarget connection, Circuit circuit, ProbeOutcome outcome, boolean probed,
                               Instant checkedAt, Duration quickTimeout) {
}
