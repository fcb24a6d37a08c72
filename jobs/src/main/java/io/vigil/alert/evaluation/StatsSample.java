package io.vigil.alert.evaluation;

import java.time.Instant;

/** The usage figures and server start of a connection's latest stats snapshot; any of them may be unknown. */
public record StatsSample(Instant slot, Integer connectionsUsed, Integer connectionsMax, Long memoryUsedBytes,
                          Long memoryMaxBytes, Instant serverStartedAt) {
}
