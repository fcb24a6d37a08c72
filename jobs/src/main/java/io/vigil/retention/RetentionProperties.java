package io.vigil.retention;

import io.vigil.runs.Pruner;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code vigil.retention.*}: how long each pruner's data is kept, keyed by the pruner's name
 * ({@code health-checks: 35d}), its own default where none is set; and {@code months-ahead}, how many
 * monthly partitions are created ahead of time.
 */
@ConfigurationProperties("vigil")
public record RetentionProperties(Map<String, String> retention) {

    static final String MONTHS_AHEAD = "months-ahead";

    public RetentionProperties {
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }

    public int monthsAhead() {
        String value = setting(MONTHS_AHEAD);
        if (value == null) {
            return 2;
        }
        try {
            int months = Integer.parseInt(value.strip());
            if (months >= 1) {
                return months;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the others.
        }
        throw new IllegalArgumentException("vigil.retention." + MONTHS_AHEAD + " must be a whole number of at least 1, was "
                + value);
    }

    /** How long the pruner's data is kept. */
    public Duration of(Pruner pruner) {
        String value = setting(pruner.name());
        if (value == null) {
            return pruner.defaultRetention();
        }
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vigil.retention." + pruner.name() + " is not a duration: '" + value
                    + "' (for example 90d)", e);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("vigil.retention." + pruner.name() + " must be positive, was " + duration
                    + " (for example 90d)");
        }
        return duration;
    }

    /** Fails on a key that names no pruner: a typo would otherwise keep data for ever, silently. */
    public void check(Collection<Pruner> pruners) {
        TreeSet<String> known = new TreeSet<>();
        pruners.forEach(p -> known.add(p.name()));
        for (String key : retention.keySet()) {
            if (known.stream().noneMatch(name -> sameKey(key, name)) && !sameKey(key, MONTHS_AHEAD)) {
                throw new IllegalArgumentException("vigil.retention." + key + " names nothing that is pruned: the keys are "
                        + String.join(", ", known) + " and " + MONTHS_AHEAD);
            }
        }
        pruners.forEach(this::of);
        monthsAhead();
    }

    private String setting(String name) {
        return retention.entrySet().stream().filter(e -> sameKey(e.getKey(), name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Spring's relaxed names: {@code healthChecks} and {@code health_checks} mean {@code health-checks}. */
    private static boolean sameKey(String configured, String name) {
        return ConfigurationPropertyName.adapt(configured, '.').equals(ConfigurationPropertyName.of(name));
    }
}
