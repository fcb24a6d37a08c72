package io.vigil.health.fleet;

import java.time.Duration;
import java.util.List;

/**
 * One entry of {@code vigil.fleet.connections}. Kept as loose strings so that one bad entry can be
 * reported by name instead of failing the whole configuration at binding time.
 *
 * @param passwordEnv the name of the environment variable that holds the password, never the password
 */
public record ConnectionDeclaration(String name, String provider, String address, String username,
                                    String passwordEnv, Duration timeout, Duration latencySlo, List<String> tags,
                                    Boolean enabled) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_LATENCY_SLO = Duration.ofSeconds(1);

    public ConnectionDeclaration {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        latencySlo = latencySlo == null ? DEFAULT_LATENCY_SLO : latencySlo;
        tags = tags == null ? List.of() : List.copyOf(tags);
        enabled = enabled == null || enabled;
    }
}
