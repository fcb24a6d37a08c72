package io.vigil.testing;

import io.vigil.health.fleet.SecretResolver;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for the environment: a JVM cannot set its own environment variables. */
public class TestSecrets implements SecretResolver {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    public TestSecrets put(String reference, String value) {
        values.put(reference, value);
        return this;
    }

    @Override
    public Optional<String> lookup(String reference) {
        return Optional.ofNullable(values.get(reference));
    }
}
