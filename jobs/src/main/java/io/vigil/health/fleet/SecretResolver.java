package io.vigil.health.fleet;

import java.util.Optional;

/** Looks up a secret by reference at probe time. The default reads environment variables. */
@FunctionalInterface
public interface SecretResolver {

    Optional<String> lookup(String reference);

    static SecretResolver environment() {
        return reference -> Optional.ofNullable(System.getenv(reference)).filter(value -> !value.isEmpty());
    }
}
