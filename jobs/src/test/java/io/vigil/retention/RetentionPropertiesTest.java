package io.vigil.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.runs.Pruner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RetentionPropertiesTest {

    private static final Pruner EMAILS = new Pruner("emails", "pruneSentEmails", Duration.ofDays(30), cutoff -> 0);
    private static final Pruner HEALTH_CHECKS = new Pruner("health-checks", "dropHealthChecks", Duration.ofDays(35),
            cutoff -> 0);

    @Test
    void eachPrunerKeepsItsDataForItsDefaultUnlessConfigured() {
        RetentionProperties properties = bind(Map.of("vigil.retention.health-checks", "14d",
                "vigil.retention.months-ahead", "3"));

        properties.check(List.of(EMAILS, HEALTH_CHECKS));
        assertThat(properties.of(HEALTH_CHECKS)).isEqualTo(Duration.ofDays(14));
        assertThat(properties.of(EMAILS)).isEqualTo(Duration.ofDays(30));
        assertThat(properties.monthsAhead()).isEqualTo(3);
        assertThat(new RetentionProperties(null).monthsAhead()).isEqualTo(2);
    }

    @Test
    void relaxedNamesAreTheSameKey() {
        assertThat(new RetentionProperties(Map.of("healthChecks", "7d")).of(HEALTH_CHECKS)).isEqualTo(Duration.ofDays(7));
        assertThat(new RetentionProperties(Map.of("health_checks", "7d")).of(HEALTH_CHECKS)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aKeyThatNamesNoPrunerIsRefusedWithTheKnownKeys() {
        RetentionProperties typo = bind(Map.of("vigil.retention.email", "7d"));

        assertThatThrownBy(() -> typo.check(List.of(EMAILS, HEALTH_CHECKS)))
                .hasMessage("vigil.retention.email names nothing that is pruned: the keys are emails, health-checks "
                        + "and months-ahead");
    }

    @Test
    void badValuesNameTheKeyAndAnExample() {
        assertThatThrownBy(() -> new RetentionProperties(Map.of("emails", "0d")).check(List.of(EMAILS)))
                .hasMessage("vigil.retention.emails must be positive, was PT0S (for example 90d)");
        assertThatThrownBy(() -> new RetentionProperties(Map.of("emails", "a month")).of(EMAILS))
                .hasMessage("vigil.retention.emails is not a duration: 'a month' (for example 90d)");
        assertThatThrownBy(() -> new RetentionProperties(Map.of("months-ahead", "0")).monthsAhead())
                .hasMessage("vigil.retention.months-ahead must be a whole number of at least 1, was 0");
    }

    private static RetentionProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("vigil", RetentionProperties.class)
                .orElse(new RetentionProperties(null));
    }
}
