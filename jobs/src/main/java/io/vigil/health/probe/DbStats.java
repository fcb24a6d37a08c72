package io.vigil.health.probe;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a probe learned about a target beyond "it answers". Every field is nullable: each provider fills
 * in what it can see. {@code serverStartedAt} is when the server process started, so that a restart
 * between two probes is seen. {@code replicationLagSeconds} is how far the furthest-behind copy of the data
 * is: a standby's or replica's own lag, or on a primary its slowest standby's. {@code counters} are the
 * server's cumulative counters as it names them ({@code blks_hit}, {@code keyspace_misses}, ...), raw, so
 * that rates can be taken per interval between two snapshots. {@code details} holds provider-specific lists (tables with most dead tuples,
 * indexes never scanned, ...) as JSON-friendly values. A figure the monitoring role cannot see correctly
 * is null, never a guess, and named under {@link #NOT_VISIBLE} in the details with why and the fix.
 */
public record DbStats(String serverVersion,
                      Integer connectionsUsed,
                      Integer connectionsMax,
                      Double cacheHitRatio,
                      Long databaseSizeBytes,
                      Double longestTransactionSeconds,
                      Long memoryUsedBytes,
                      Long memoryMaxBytes,
                      Double keyspaceHitRate,
                      Instant serverStartedAt,
                      Double replicationLagSeconds,
                      Map<String, Long> counters,
                      Map<String, Object> details) {

    public DbStats {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }

    /** The details key: field name (as in this record) to why it is missing, e.g. "not visible to this role: grant pg_monitor". */
    public static final String NOT_VISIBLE = "notVisible";

    /**
     * The details key, present when this server is a standby or replica whose replication has stopped (its
     * threads not running, its link to the primary down): why, in words. The lag is then not a number, and
     * a REPLICATION_LAG rule fires on this instead.
     */
    public static final String REPLICATION_STOPPED = "replicationStopped";

    /** The figures this snapshot could not see, by field name, with the reason; empty when it saw everything. */
    public Map<String, String> notVisible() {
        return notVisible(details);
    }

    /** {@link #notVisible()} of a snapshot's stored details. */
    public static Map<String, String> notVisible(Map<String, ?> details) {
        if (details == null || !(details.get(NOT_VISIBLE) instanceof Map<?, ?> missing)) {
            return Map.of();
        }
        Map<String, String> figures = new LinkedHashMap<>();
        missing.forEach((field, reason) -> figures.put(String.valueOf(field), String.valueOf(reason)));
        return figures;
    }

    /** A field's name in English, as the command line and the log name it ("longest transaction"). */
    public static String label(String field) {
        return switch (field) {
            case "connectionsUsed" -> "connections";
            case "longestTransactionSeconds" -> "longest transaction";
            case "cacheHitRatio" -> "cache hit ratio";
            case "memoryUsedBytes" -> "memory used";
            case "keyspaceHitRate" -> "keyspace hit rate";
            case "sessions" -> "sessions by state";
            case "walReceiver" -> "WAL receiver";
            case "topStatements" -> "top statements";
            case "slowlogLength" -> "slow log length";
            case "lock_deadlocks" -> "InnoDB deadlocks";
            case "deadTuples" -> "most dead tuples";
            case "unusedIndexes" -> "indexes never scanned";
            case "largestIndexes" -> "largest indexes";
            case "wraparound" -> "transaction ID age";
            case "statsReset" -> "statistics reset";
            case "reservedConnections" -> "reserved connections";
            case "role" -> "replication role";
            case "replicationSlots" -> "replication slots";
            case "archiver" -> "WAL archiving";
            default -> field;
        };
    }

    /** The figures not visible, in one line for a list or a log: "longest transaction not visible to this role: ...". */
    public String notVisibleLine() {
        return notVisibleLine(details);
    }

    /** {@link #notVisibleLine()} of a snapshot's stored details; figures missing for the same reason share it. */
    public static String notVisibleLine(Map<String, ?> details) {
        Map<String, String> missing = notVisible(details);
        if (missing.isEmpty()) {
            return null;
        }
        // Sorted, because the stored details (jsonb) do not keep the order the probe put them in.
        Map<String, List<String>> byReason = new TreeMap<>();
        missing.forEach((field, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(label(field)));
        byReason.values().forEach(Collections::sort);
        StringBuilder line = new StringBuilder();
        byReason.forEach((reason, labels) -> line.append(line.isEmpty() ? "" : "; ").append(String.join(", ", labels))
                .append(' ').append(reason));
        return line.toString();
    }

    /** A start time from an uptime, to the second: it moves by a second between probes, a restart by more. */
    static Instant startedFromUptime(Long uptimeSeconds) {
        return uptimeSeconds == null ? null : Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(uptimeSeconds);
    }

    public static DbStats none() {
        return new DbStats(null, null, null, null, null, null, null, null, null, null, null, Map.of(), Map.of());
    }
}
