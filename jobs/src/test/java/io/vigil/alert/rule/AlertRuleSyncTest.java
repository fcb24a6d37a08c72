package io.vigil.alert.rule;

import static io.vigil.db.jooq.Tables.ALERT_RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.runs.SyncReport;
import io.vigil.testing.EmbeddedPostgresExtension;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestBeans;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** vigil.alerts as written in YAML, synced into alert_rule: bad rules reported by name, the rest synced. */
@ExtendWith(EmbeddedPostgresExtension.class)
class AlertRuleSyncTest {

    @Test
    void rulesBindFromConfigurationWithTheirDefaults() {
        AlertsProperties properties = bind(Map.of(
                "vigil.alerts.operators[0]", "ops@example.com",
                "vigil.alerts.keep-firing-for", "15m",
                "vigil.alerts.rules[0].name", "orders-down",
                "vigil.alerts.rules[0].type", "down",
                "vigil.alerts.rules[0].for", "5m",
                "vigil.alerts.rules[0].tags[0]", "prod",
                "vigil.alerts.rules[0].recipients[0]", "dba@example.com",
                "vigil.alerts.rules[0].send-resolved", "false"));

        assertThat(properties.keepFiringFor()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.operators()).containsExactly("ops@example.com");
        assertThat(RuleValidator.validate(properties.rules().getFirst())).isEqualTo(new AlertRule(0, "orders-down",
                ConditionType.DOWN, 2, Duration.ofHours(1), Duration.ofMinutes(5), Severity.WARNING, List.of(),
                List.of("prod"), List.of(), List.of("dba@example.com"), Duration.ofHours(4), false, true));
    }

    @Test
    void badRulesAreReportedByNameTheOthersSyncedAndUndeclaredOnesDisabled(DSLContext dsl) {
        AlertRuleSync sync = new AlertRuleSync(dsl, new SettableClock(TestBeans.START), new AlertsProperties(List.of(), List.of(), null));
        sync.sync(new AlertsProperties(List.of(rule("old", "DOWN", 2.0, "a@example.com")), List.of(), null));

        SyncReport report = sync.sync(new AlertsProperties(List.of(
                rule("slow", "LATENCY", null, "a@example.com"),
                rule("typo", "DWON", null, "a@example.com"),
                rule("nobody", "DOWN", null),
                rule("bad-address", "DOWN", null, "dba.example.com"),
                rule("too-full", "CONNECTIONS", 90.0, "a@example.com"),
                rule("slow", "DOWN", null, "a@example.com"),
                rule(null, "DOWN", null, "a@example.com")), List.of("ops@example.com"), null));

        assertThat(report.synced()).containsExactly("slow", RuleValidator.OPERATORS_RULE);
        assertThat(report.invalid()).containsOnlyKeys("typo", "nobody", "bad-address", "too-full", "slow",
                "vigil.alerts.rules[6]");
        assertThat(report.invalid().get("typo")).startsWith("unknown type 'DWON': one of DOWN,");
        assertThat(report.invalid().get("nobody")).isEqualTo("recipients are missing: list at least one email address");
        assertThat(report.invalid().get("bad-address")).contains("'dba.example.com' is not an email address");
        assertThat(report.invalid().get("too-full")).contains("threshold 90.0 is out of range for CONNECTIONS");
        assertThat(report.invalid().get("slow")).isEqualTo("name 'slow' is declared twice: names must be unique");
        assertThat(report.invalid().get("vigil.alerts.rules[6]")).startsWith("name is missing");
        assertThat(report.disabled()).containsExactly("old");
        Map<String, Boolean> enabled = dsl.select(ALERT_RULE.NAME, ALERT_RULE.ENABLED).from(ALERT_RULE).fetch().stream()
                .collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
        assertThat(enabled).isEqualTo(Map.of("old", false, "slow", true, RuleValidator.OPERATORS_RULE, true));
        assertThat(dsl.fetchValue(ALERT_RULE.RECIPIENTS, ALERT_RULE.NAME.eq(RuleValidator.OPERATORS_RULE)))
                .containsExactly("ops@example.com");
    }

    @Test
    void aRunbookIsBoundValidatedAndStoredAndABadOneMakesItsRuleInvalid(DSLContext dsl) {
        AlertsProperties properties = bind(Map.of(
                "vigil.alerts.rules[0].name", "orders-down",
                "vigil.alerts.rules[0].type", "DOWN",
                "vigil.alerts.rules[0].recipients[0]", "dba@example.com",
                "vigil.alerts.rules[0].runbook", "https://wiki.example.com/runbooks/orders-down",
                "vigil.alerts.rules[1].name", "bad-runbook",
                "vigil.alerts.rules[1].type", "DOWN",
                "vigil.alerts.rules[1].recipients[0]", "dba@example.com",
                "vigil.alerts.rules[1].runbook", "javascript:alert(1)"));
        AlertRuleSync sync = new AlertRuleSync(dsl, new SettableClock(TestBeans.START), properties);

        SyncReport report = sync.sync();

        assertThat(report.synced()).contains("orders-down").doesNotContain("bad-runbook");
        assertThat(report.invalid()).containsOnly(Map.entry("bad-runbook",
                "runbook 'javascript:alert(1)' is not an http(s) URL such as https://wiki.example.com/runbooks/database-down"));
        assertThat(dsl.fetchValue(ALERT_RULE.RUNBOOK, ALERT_RULE.NAME.eq("orders-down")))
                .isEqualTo("https://wiki.example.com/runbooks/orders-down");
        assertThat(dsl.fetchValue(ALERT_RULE.RUNBOOK, ALERT_RULE.NAME.eq(RuleValidator.OPERATORS_RULE))).isNull();
        // The database is the class's: leave it as the other tests expect to find it.
        dsl.deleteFrom(ALERT_RULE).where(ALERT_RULE.NAME.eq("orders-down")).execute();
    }

    private static RuleDeclaration rule(String name, String type, Double threshold, String... recipients) {
        return new RuleDeclaration(name, type, threshold, null, null, null, null, null, null, List.of(recipients), null, null);
    }

    private static AlertsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("vigil.alerts", AlertsProperties.class).get();
    }
}
