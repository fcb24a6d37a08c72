package io.vigil.ops;

import io.vigil.health.probe.DbStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A stats snapshot as a person reads it: each figure under an English label, in human units. */
final class StatsLines {

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
        // A figure the role could not see says so where its number would be.
        stats.notVisible().forEach((field, reason) -> lines.put(DbStats.label(field), reason));
        if (stats.details() != null) {
            stats.details().forEach((key, value) -> {
                if (!key.equals(DbStats.NOT_VISIBLE)) {
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

    // The PostgreSQL probe's lists (PostgresProbe): tables with their dead tuples, indexes with their table.
    private static String detail(String key, Object value) {
        if (!(value instanceof List<?> rows)) {
            return Table.text(value);
        }
        return switch (key) {
            case "deadTuples" -> join(rows, row -> row.get("schema") + "." + row.get("table") + " " + row.get("deadTuples"));
            case "unusedIndexes" -> join(rows, row -> row.get("schema") + "." + row.get("index") + " on " + row.get("table"));
            default -> Table.text(value);
        };
    }

    private static String join(List<?> rows, Function<Map<?, ?>, String> text) {
        return rows.stream().filter(Map.class::isInstance).map(row -> text.apply((Map<?, ?>) row))
                .collect(Collectors.joining(", "));
    }
}
