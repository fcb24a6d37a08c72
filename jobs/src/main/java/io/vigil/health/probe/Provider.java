package io.vigil.health.probe;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of target Vigil can probe. */
public enum Provider {
    POSTGRESQL,
    MYSQL,
    REDIS,
    HTTP;

    /** Parses a provider name case-insensitively, with an error that lists the valid names. */
    public static Provider parse(String name) {
        if (name != null) {
            for (Provider provider : values()) {
                if (provider.name().equalsIgnoreCase(name.trim())) {
                    return provider;
                }
            }
        }
        throw new IllegalArgumentException("unknown provider '" + name + "': use one of "
                + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
