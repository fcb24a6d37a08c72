package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.RuleValidator;
import io.vigil.health.HealthProperties;
import io.vigil.health.fleet.FleetProperties;
import io.vigil.mail.MailProperties;
import io.vigil.retention.RetentionProperties;
import io.vigil.rollup.RollupProperties;
import io.vigil.runs.DefaultSchedule;
import io.vigil.runs.Pruner;
import io.vigil.schedule.SchedulesProperties;
import io.vigil.testing.VigilSpringTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The sample configuration an operator copies must be valid as it stands, and where it shows Vigil's
 * defaults (everything but the example fleet and alert rules) it must show the defaults Vigil ships.
 */
@VigilSpringTest
class SampleConfigurationTest {

    @Autowired List<Pruner> pruners;
    @Autowired List<DefaultSchedule> shippedSchedules;

    @Test
    void theSampleShowsTheDefaultsVigilShips() throws IOException {
        Binder sample = binder(new FileSystemResource(Path.of("deploy", "application.yml.sample")));
        Binder shipped = binder(new ClassPathResource("application.yml"));

        for (var section : List.of(Map.entry("vigil.rollup", RollupProperties.class),
                Map.entry("vigil.health", HealthProperties.class), Map.entry("vigil.mail", MailProperties.class))) {
            assertThat(sample.bind(section.getKey(), section.getValue()).get()).as(section.getKey())
                    .isEqualTo(shipped.bind(section.getKey(), section.getValue()).get());
        }
        // Retention and schedules ship with the job families that own them, not in application.yml.
        RetentionProperties sampleRetention = sample.bind("vigil", RetentionProperties.class).get();
        sampleRetention.check(pruners);
        assertThat(sampleRetention.retention().keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(pruners.stream().map(Pruner::name), Stream.of("months-ahead")).toList());
        pruners.forEach(pruner -> assertThat(sampleRetention.of(pruner)).as(pruner.name())
                .isEqualTo(pruner.defaultRetention()));
        assertThat(sampleRetention.monthsAhead()).isEqualTo(new RetentionProperties(null).monthsAhead());

        var sampleSchedules = sample.bind("vigil", SchedulesProperties.class).get().schedules();
        assertThat(sampleSchedules.keySet()).containsExactlyInAnyOrderElementsOf(
                shippedSchedules.stream().map(DefaultSchedule::job).toList());
        shippedSchedules.forEach(schedule -> assertThat(sampleSchedules.get(schedule.job()).cron()).as(schedule.job())
                .isEqualTo(schedule.cron()));
        assertThat(sample.bind("vigil.fleet", FleetProperties.class).get().connections()).hasSize(5);
    }

    private static Binder binder(Resource yaml) throws IOException {
        return new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader().load("yaml", yaml)));
    }

    @Test
    void everyAlertRuleInTheSampleIsValid() throws IOException {
        var sources = new YamlPropertySourceLoader().load("sample",
                new FileSystemResource(Path.of("deploy", "application.yml.sample")));
        AlertsProperties alerts = new Binder(ConfigurationPropertySources.from(sources))
                .bind("vigil.alerts", AlertsProperties.class).get();

        assertThat(alerts.operators()).containsExactly("ops@example.com");
        assertThat(alerts.keepFiringFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(alerts.rules()).hasSize(7);
        assertThat(alerts.rules().stream().map(RuleValidator::validate).map(AlertRule::name)).containsExactly(
                "database-down", "availability", "slow", "connections-nearly-exhausted", "redis-memory",
                "replica-behind", "nightly-jobs-failed");
        assertThat(RuleValidator.validate(alerts.rules().get(5))).satisfies(lag -> {
            assertThat(lag.type()).isEqualTo(ConditionType.REPLICATION_LAG);
            assertThat(lag.threshold()).as("seconds").isEqualTo(30);
        });
    }
}
