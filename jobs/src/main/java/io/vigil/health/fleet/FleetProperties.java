package io.vigil.health.fleet;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vigil.fleet.connections}: the monitored connections, synced into the database at start. */
@ConfigurationProperties("vigil.fleet")
public record FleetProperties(List<ConnectionDeclaration> connections) {

    public FleetProperties {
        connections = connections == null ? List.of() : connections;
    }
}
