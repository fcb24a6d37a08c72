package io.vigil.ops;

import io.vigil.health.probe.DbStats;
import io.vigil.health.rates.IntervalFigures;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        put(lines, DbStats.label("cacheHitRatio"), ratio("cacheHitRatio", stats.cacheHitRatio(), stats.details()));
        put(lines, "database size", stats.databaseSizeBytes() == null ? null : Units.bytes(stats.databaseSizeBytes()));
        put(lines, DbStats.label("longestTransactionSeconds"),
                stats.longestTransactionSeconds() == null ? null : Units.seconds(stats.longestTransactionSeconds()));
        put(lines, DbStats.label("memoryUsedBytes"),
                usedOf(stats.memoryUsedBytes(), stats.memoryMaxBytes(), n -> Units.bytes(n.longValue())));
        put(lines, DbStats.label("keyspaceHitRate"), ratio("keyspaceHitRate", stats.keyspaceHitRate(), stats.details()));
        put(lines, "replication lag",
                stats.replicationLagSeconds() == null ? null : Units.seconds(stats.replicationLagSeconds()));
        // A figure the role could not see, or a part not read, says so where its number would be.
        stats.notVisible().forEach((field, reason) -> lines.put(label(field), reason));
        if (stats.details() != null && stats.details().get(UNAVAILABLE) instanceof Map<?, ?> unavailable) {
            unavailable.forEach((part, reason) -> lines.put(label(String.valueOf(part)), "not read: " + reason));
        }
        if (stats.details() != null) {
            stats.details().forEach((key, value) -> {
                // Which interval the ratios are over is said on their lines.
                if (!key.equals(DbStats.NOT_VISIBLE) && !key.equals(UNAVAILABLE)
                        && !key.equals(IntervalFigures.RATES_SINCE)) {
                    // A part the role could not see correctly keeps its "not visible" line over the rows it did see.
                    if (!lines.containsKey(label(key))) {
                        put(lines, label(key), detail(key, value));
                    }
                }
            });
        }
        return lines;
    }

    /** "99.2% over the last 5 min" from a snapshot the writer stored, "99.2% (since start)" otherwise. */
    private static String ratio(String field, Double value, Map<String, Object> details) {
        Optional<Duration> interval = IntervalFigures.intervalOf(field, details);
        String over = interval.map(length -> " over the last " + Units.duration(length)).orElse("");
        if (value == null) {
            // Not a single read in the interval: no ratio, rather than 0% or 100%.
            return interval.isPresent() ? "no reads" + over : null;
        }
        return Units.percent(value) + (interval.isPresent() ? over : " (since start)");
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
            case "rejectedConnections" -> "connections refused (since start)";
            case "evictedKeys" -> "keys evicted (since start)";
            case "expiredKeys" -> "keys expired (since start)";
            case "blockedClients" -> "blocked clients";
            case "maxmemoryPolicy" -> "maxmemory policy";
            case "lastSaveStatus" -> "last save to disk";
            case "lastAppendOnlyWriteStatus" -> "last append-only write";
            case "connectedReplicas" -> "connected replicas";
            case "masterLinkStatus" -> "link to master";
            case "refusedAtMaxConnections" -> "connections refused at max_connections (since start)";
            case "abortedConnects" -> "failed connection attempts (since start)";
            case "threadsRunning" -> "threads running";
            case "maxUsedConnections" -> "peak connections";
            case "replication" -> "replication channels";
            case "memFragmentationRatio" -> "memory fragmentation";
            case DbStats.REPLICATION_STOPPED -> "replication stopped";
            case IntervalFigures.RATES -> "counter rates";
            default -> DbStats.label(key);
        };
    }

    // The PostgreSQL probe's lists (PostgresProbe): tables with their dead tuples, indexes with their table.
    private static String detail(String key, Object value) {
        if (key.equals(IntervalFigures.RATES) && value instanceof Map<?, ?> rates) {
            return rates(rates);
        }
        String line = DetailLines.of(key, value);
        return line != null ? line : Table.text(value);
    }

    // Each counter per second, then the interval: "keyspace_hits 120/s, keyspace_misses 16.67/s over the last 5 min".
    private static String rates(Map<?, ?> rates) {
        String perSecond = rates.entrySet().stream()
                .filter(rate -> !rate.getKey().equals(IntervalFigures.INTERVAL_SECONDS) && rate.getValue() instanceof Number)
                .map(rate -> rate.getKey() + " " + Table.text(((Number) rate.getValue()).doubleValue()) + "/s")
                .collect(Collectors.joining(", "));
        return rates.get(IntervalFigures.INTERVAL_SECONDS) instanceof Number seconds
                ? perSecond + " over the last " + Units.seconds(seconds.doubleValue()) : perSecond;
    }
}
