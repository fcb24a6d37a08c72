package io.vigil.health.probe;

import java.time.Duration;

/**
 * Everything a probe needs to reach one target. The password is resolved at probe time from the
 * environment and lives only here, in memory, for the duration of the probe.
 *
 * @param address provider-specific: {@code host:port/database} for POSTGRESQL and MYSQL, {@code host:port}
 *                for REDIS, an http(s) URL for HTTP
 */
public record ProbeTarget(String name, Provider provider, String address, String username, String password,
                          Duration timeout) {

    /** The same target probed with another timeout (a quick probe of an open circuit). */
    public ProbeTarget withTimeout(Duration other) {
        return new ProbeTarget(name, provider, address, username, password, other);
    }

    @Override
    public String toString() {
        // Never print the password, even by accident in a log line or an assertion message.
        return "ProbeTarget[name=" + name + ", provider=" + provider + ", address=" + address
                + ", username=" + username + ", timeout=" + timeout + "]";
    }
}
