package io.vigil.alert.evaluation;

import java.time.Instant;

/**
 * The usage figures, server start and replication state of a connection's latest stats snapshot; any of them
 * may be unknown.
 *
 * @param replicationLagSeconds how far the furthest-behind copy of the data is; null without replication or
 *                              when the role cannot see it
 * @param replicationStopped    why this replica's replication has stopped, in words; null while it runs (or
 *                              the server is no replica)
 */
public record StatsSample(Instant slot, Integer connectionsUsed, Integer connectionsMax, Long memoryUsedBytes,
                          Long memoryMaxBytes, Instant serverStartedAt, Double replicationLagSeconds,
                          String replicationStopped) {
}
