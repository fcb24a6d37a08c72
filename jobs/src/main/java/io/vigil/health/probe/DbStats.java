package io.vigil.health.probe;

import java.util.Map;

/**
 * What a probe learned about a target beyond "it answers". Every field is nullable: each provider fills
 * in what it can see. {@code details} holds provider-specific lists (tables with most dead tuples,
 * indexes never scanned, ...) as JSON-friendly values.
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
                      Map<String, Object> details) {

    public static DbStats none() {
        return new DbStats(null, null, null, null, null, null, null, null, null, Map.of());
    }
}
