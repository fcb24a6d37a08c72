package io.vigil.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vigil.health.*}: how the health-check job probes and judges the fleet. */
@ConfigurationProperties("vigil.health")
public record HealthProperties(Integer maxInFlight, Integer chunkSize, Duration deadlineGrace, Circuit circuit,
                               Degraded degraded) {

    public HealthProperties {
        maxInFlight = maxInFlight == null ? 256 : maxInFlight;
        chunkSize = chunkSize == null ? 200 : chunkSize;
        deadlineGrace = deadlineGrace == null ? Duration.ofSeconds(1) : deadlineGrace;
        circuit = circuit == null ? new Circuit(null, null, null, null, null) : circuit;
        degraded = degraded == null ? new Degraded(null, null) : degraded;
    }

    public record Circuit(Integer failureThreshold, Duration baseDelay, Duration maxDelay, Double jitter,
                          Duration quickProbeTimeout) {
        public Circuit {
            failureThreshold = failureThreshold == null ? 3 : failureThreshold;
            baseDelay = baseDelay == null ? Duration.ofMinutes(10) : baseDelay;
            maxDelay = maxDelay == null ? Duration.ofHours(6) : maxDelay;
            jitter = jitter == null ? 0.2 : jitter;
            quickProbeTimeout = quickProbeTimeout == null ? Duration.ofSeconds(2) : quickProbeTimeout;
        }
    }

    /** DEGRADED above these shares of a target's limits. */
    public record Degraded(Double connectionsRatio, Double memoryRatio) {
        public Degraded {
            connectionsRatio = connectionsRatio == null ? 0.8 : connectionsRatio;
            memoryRatio = memoryRatio == null ? 0.9 : memoryRatio;
        }
    }
}
