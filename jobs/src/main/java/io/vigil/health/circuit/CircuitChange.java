package io.vigil.health.circuit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A connection's circuit that opened or closed with a check: logged once, when it happens. A circuit that
 * stays open (a failed full probe pushing its next one further) is no change.
 *
 * @param failures        the failed checks in a row that opened it, or that it had when it closed
 * @param nextFullProbeAt when an opened circuit's target is next probed in full; null when it closed
 */
public record CircuitChange(String connection, boolean opened, int failures, Instant nextFullProbeAt) {

    /** @param after the circuit after the check, or null when the check left it as it was */
    public static Optional<CircuitChange> between(String connection, Circuit before, Circuit after) {
        if (after == null || after.state() == before.state()) {
            return Optional.empty();
        }
        return Optional.of(after.state() == Circuit.State.OPEN
                ? new CircuitChange(connection, true, after.consecutiveFailures(), after.nextAttemptAt())
                : new CircuitChange(connection, false, before.consecutiveFailures(), null));
    }

    public boolean badNews() {
        return opened;
    }

    public String line() {
        String checks = failures + (failures == 1 ? " failed check" : " failed checks in a row");
        // The wait is jittered to the nanosecond; the second is what an operator plans with.
        String line = opened
                ? "circuit of " + connection + " opened after " + checks + "; next full probe at "
                        + nextFullProbeAt.truncatedTo(ChronoUnit.SECONDS)
                : "circuit of " + connection + " closed: it answered after " + checks;
        return line + " (see: vigil fleet show " + connection + ")";
    }
}
