package io.vigil.alert.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a rule watches, and what its {@code threshold} means for it. */
public enum ConditionType {
    /** The last {@code threshold} probed checks were all DOWN. */
    DOWN(2, SignalKind.HEALTH_HISTORY),
    /** Availability over the window below {@code threshold} percent. */
    AVAILABILITY(99, SignalKind.HEALTH_HISTORY),
    /** p95 latency of the answers (UP or DEGRADED checks) over the window above the latency SLO; no threshold. */
    LATENCY(0, SignalKind.HEALTH_HISTORY),
    /** Connections in use above {@code threshold} of the maximum (a ratio such as 0.9). */
    CONNECTIONS(0.9, SignalKind.HEALTH_HISTORY),
    /** Memory in use above {@code threshold} of the maximum (a ratio such as 0.9). */
    MEMORY(0.9, SignalKind.HEALTH_HISTORY),
    /** The server started within the window: a restart, also a crash and restart between two probes; no threshold. */
    RESTARTED(0, SignalKind.HEALTH_HISTORY),
    /**
     * The furthest-behind copy of the data (a replica's own lag, or a primary's slowest replica's) more than
     * {@code threshold} seconds behind, or this replica's replication stopped.
     */
    REPLICATION_LAG(60, SignalKind.HEALTH_HISTORY),
    /** A run of a job ended FAILED; no threshold, no window. */
    JOB_FAILED(0, SignalKind.JOB_RUNS);

    private final double defaultThreshold;
    private final SignalKind signal;

    ConditionType(double defaultThreshold, SignalKind signal) {
        this.defaultThreshold = defaultThreshold;
        this.signal = signal;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** The signal that decides this type's alerts. */
    public SignalKind signal() {
        return signal;
    }

    /** Whether its rules are scoped by connections and tags, and its alerts muted by silences. */
    public boolean watchesConnections() {
        return signal == SignalKind.HEALTH_HISTORY;
    }

    public static ConditionType parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("type is missing: one of " + names());
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown type '" + value + "': one of " + names());
        }
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
