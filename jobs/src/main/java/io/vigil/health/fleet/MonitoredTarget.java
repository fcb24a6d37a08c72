package io.vigil.health.fleet;

import io.vigil.health.probe.Provider;
import java.time.Duration;
import java.util.List;

/** A monitored connection as stored: the credentials are a reference, resolved only at probe time. */
public record MonitoredTarget(long id, String name, Provider provider, String address, String username,
                              String credentialsRef, Duration timeout, Duration latencySlo, List<String> tags) {
}
