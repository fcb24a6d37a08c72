package io.vigil.health.probe;

/**
 * Checks one kind of target. Implementations are stateless and thread-safe: the fan-out calls them from
 * many virtual threads at once. A probe never throws: every failure becomes a {@link ProbeOutcome#down}
 * whose message has the target's password scrubbed out. A probe honours {@link ProbeTarget#timeout()}
 * itself (connect and read timeouts); the fan-out also enforces a hard deadline around it.
 */
public interface Probe {

    Provider provider();

    ProbeOutcome probe(ProbeTarget target);
}
