package io.vigil.ops;

import io.vigil.health.probe.DbStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A stats snapshot as a person reads it: each figure under an English label, in human units. */
final class StatsLines {

    // ProbeSections.UNAVAILABLE: the parts of a snapshot not read, with why.
    private static final String UNAVAILABLE = "unavailable";

    private StatsLines() {
    }

    /** Label to text, in a fixed order; figures the target did not report are left out. */
    static Map<String, String> of(DbStats stats) {
        Map<String, String> lines = new LinkedHashMap<>();
        put(lines, "server version", stats.serverVersion());
        put(lines, "server started", stats.serverStartedAt() == null ? null : Table.text(stats.serverStartedAt()));
        put(lines, DbStats.label("connectionsUsed"),
                usedOf(stats.connectionsUsed(), stats.connectionsMax(), Number::toString));
        put(lines, DbStats.label("cacheHitRatio"),
                stats.cacheHitRatio() == null ? null : Units.percent(stats.cacheHitRatio()));
        put(lines, "database size", stats.databaseSizeBytes() == null ? null : Units.bytes(stats.databaseSizeBytes()));
        put(lines, DbStats.label("longestTransactionSeconds"),
                stats.longestTransactionSeconds() == null ? null : Units.seconds(stats.longestTransactionSeconds()));
        put(lines, DbStats.label("memoryUsedBytes"),
                usedOf(stats.memoryUsedBytes(), stats.memoryMaxBytes(), n -> Units.bytes(n.longValue())));
        put(lines, DbStats.label("keyspaceHitRate"),
                stats.keyspaceHitRate() == null ? null : Units.percent(stats.keyspaceHitRate()));
        put(lines, "replication lag",
                stats.replicationLagSeconds() == null ? null : Units.seconds(stats.replicationLagSeconds()));
        // A figure the role could not see, or a part not read, says so where its number would be.
        stats.notVisible().forEach((field, reason) -> lines.put(DbStats.label(field), reason));
        if (stats.details() != null && stats.details().get(UNAVAILABLE) instanceof Map<?, ?> unavailable) {
            unavailable.forEach((part, reason) -> lines.put(label(String.valueOf(part)), "not read: " + reason));
        }
        if (stats.details() != null) {
            stats.details().forEach((key, value) -> {
                if (!key.equals(DbStats.NOT_VISIBLE) && !key.equals(UNAVAILABLE)) {
                    put(lines, label(key), detail(key, value));
                }
            });
        }
        return lines;
    }

    private static void put(Map<String, String> lines, String label, String text) {
        if (text != null && !text.isEmpty()) {
            lines.put(label, text);
        }
    }

    private static <N extends Number> String usedOf(N used, N max, Function<N, String> text) {
        if (used == null) {
            return null;
        }
        return max == null ? text.apply(used) : text.apply(used) + " of " + text.apply(max);
    }

    private static String label(String key) {
        return switch (key) {
            case "deadTuples" -> "most dead tuples";
            case "unusedIndexes" -> "indexes never scanned";
            case "largestIndexes" -> "largest indexes";
            case "statsReset" -> "statistics reset";
            case "reservedConnections" -> "connections reserved for superusers";
            case "role" -> "replication role";
            case "standbys" -> "standbys";
            case "replicationSlots" -> "replication slots";
            case "archiver" -> "WAL archiving";
            case "wraparound" -> "transaction ID age";
            case "autovacuum" -> "autovacuum";
            case "sessions" -> "sessions by state";
            case "topStatements" -> "top statements";
            case "rejectedConnections" -> "connections refused (since start)";
            case "evictedKeys" -> "keys evicted (since start)";
            case "expiredKeys" -> "keys expired (since start)";
            case "blockedClients" -> "blocked clients";
            case "maxmemoryPolicy" -> "maxmemory policy";
            case "lastSaveStatus" -> "last save to disk";
            case "lastAppendOnlyWriteStatus" -> "last append-only write";
            case "connectedReplicas" -> "connected replicas";
            case "masterLinkStatus" -> "link to master";
            case "threadsRunning" -> "threads running";
            case "maxUsedConnections" -> "most connections used (since start)";
            case "bufferPoolHitRate" -> "buffer pool hit rate (since start)";
            case "replication" -> "replication channels";
            case DbStats.REPLICATION_STOPPED -> "replication stopped";
            default -> key;
        };
    }

    private static String detail(String key, Object value) {
        String line = DetailLines.of(key, value);
        return line != null ? line : Table.text(value);
    }
}
