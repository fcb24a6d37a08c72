package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.AlertRule;
import io.vigil.alert.AlertsProperties;
import io.vigil.alert.RuleValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/** The sample configuration an operator copies must be valid as it stands. */
class SampleConfigurationTest {

    @Test
    void everyAlertRuleInTheSampleIsValid() throws IOException {
        var sources = new YamlPropertySourceLoader().load("sample",
                new FileSystemResource(Path.of("deploy", "application.yml.sample")));
        AlertsProperties alerts = new Binder(ConfigurationPropertySources.from(sources))
                .bind("vigil.alerts", AlertsProperties.class).get();

        assertThat(alerts.operators()).containsExactly("ops@example.com");
        assertThat(alerts.keepFiringFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(alerts.rules()).hasSize(6);
        assertThat(alerts.rules().stream().map(RuleValidator::validate).map(AlertRule::name)).containsExactly(
                "database-down", "availability", "slow", "connections-nearly-exhausted", "redis-memory",
                "nightly-jobs-failed");
    }
}
