package io.vigil.health;

import io.vigil.health.fleet.MonitoredTarget;
import io.vigil.health.fleet.SecretResolver;
import io.vigil.health.probe.ProbeOutcome;
import io.vigil.health.probe.ProbeTarget;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Resolves a stored connection into something a probe can use, reading its secret only now. */
public class ProbeTargets {

    public static final String CONFIGURATION_ERROR = "ConfigurationError";

    private final SecretResolver secrets;

    public ProbeTargets(SecretResolver secrets) {
        this.secrets = secrets;
    }

    /** Either a target to probe, or the DOWN outcome that says what is misconfigured. */
    public record Resolved(ProbeTarget target, ProbeOutcome misconfigured) {
    }

    public Resolved resolve(MonitoredTarget connection) {
        String password = null;
        if (connection.credentialsRef() != null && !connection.credentialsRef().isBlank()) {
            Optional<String> secret = secrets.lookup(connection.credentialsRef());
            if (secret.isEmpty()) {
                return new Resolved(null, ProbeOutcome.down(Duration.ZERO, CONFIGURATION_ERROR,
                        "environment variable " + connection.credentialsRef() + " (password-env of " + connection.name()
                                + ") is not set: export it for the vigil process", Map.of()));
            }
            password = secret.get();
        }
        return new Resolved(new ProbeTarget(connection.name(), connection.provider(), connection.address(),
                connection.username(), password, connection.timeout()), null);
    }
}
