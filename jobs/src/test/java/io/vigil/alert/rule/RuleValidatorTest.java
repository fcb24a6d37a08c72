package io.vigil.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

    @Test
    void defaultsFillWhatARuleLeavesOut() {
        AlertRule rule = RuleValidator.validate(declaration("down", "down", null, List.of("dba@example.com")));

        assertThat(rule).isEqualTo(new AlertRule(0, "down", ConditionType.DOWN, 2, Duration.ofHours(1), Duration.ZERO,
                Severity.WARNING, List.of(), List.of(), List.of(), List.of("dba@example.com"), Duration.ofHours(4), true, true));
    }

    @Test
    void aReplicationLagRuleFiresAboveAMinuteJudgedOnTheLastQuarterHourUnlessItSaysOtherwise() {
        AlertRule rule = RuleValidator.validate(declaration("lag", "replication-lag", null, List.of("dba@example.com")));

        assertThat(rule.type()).isEqualTo(ConditionType.REPLICATION_LAG);
        assertThat(rule.threshold()).isEqualTo(60);
        assertThat(rule.window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(RuleValidator.validate(declaration("lag", "REPLICATION_LAG", 0.5, List.of("a@b.io"))).threshold())
                .isEqualTo(0.5);
        for (double bad : new double[] {0, -30, 86_401}) {
            assertThatThrownBy(() -> RuleValidator.validate(declaration("x", "REPLICATION_LAG", bad, List.of("a@b.io"))))
                    .hasMessage("threshold " + bad + " is out of range for REPLICATION_LAG: a lag in seconds above 0 "
                            + "and at most 86400 (a day), such as 30");
        }
    }

    @Test
    void everyBadRuleSaysWhatIsWrongAndHowToFixIt() {
        assertThatThrownBy(() -> RuleValidator.validate(declaration("x", "oracle", null, List.of("a@b.io"))))
                .hasMessage("unknown type 'oracle': one of DOWN, AVAILABILITY, LATENCY, CONNECTIONS, MEMORY, RESTARTED, "
                        + "REPLICATION_LAG, JOB_FAILED");
        assertThatThrownBy(() -> RuleValidator.validate(declaration("x", "DOWN", null, List.of())))
                .hasMessage("recipients are missing: list at least one email address");
        assertThatThrownBy(() -> RuleValidator.validate(declaration("x", "DOWN", null, List.of("dba at example"))))
                .hasMessage("recipient 'dba at example' is not an email address such as dba@example.com");
        assertThatThrownBy(() -> RuleValidator.validate(declaration("x", "CONNECTIONS", 90.0, List.of("a@b.io"))))
                .hasMessage("threshold 90.0 is out of range for CONNECTIONS: a ratio of the maximum above 0 and at most 1, "
                        + "such as 0.9 for 90%");
        assertThatThrownBy(() -> RuleValidator.validate(declaration("x", "AVAILABILITY", 120.0, List.of("a@b.io"))))
                .hasMessage("threshold 120.0 is out of range for AVAILABILITY: a percentage above 0 and at most 100, such as 99.5");
        assertThatThrownBy(() -> RuleValidator.validate(declaration(RuleValidator.OPERATORS_RULE, "JOB_FAILED", null,
                List.of("a@b.io")))).hasMessageContaining("is reserved");
    }

    @Test
    void aRunbookIsAnHttpUrlWithoutCredentials() {
        assertThat(RuleValidator.validate(withRunbook(" https://wiki.example.com/runbooks/db?page=1&v=2 ")).runbook())
                .isEqualTo("https://wiki.example.com/runbooks/db?page=1&v=2");
        assertThat(RuleValidator.validate(withRunbook("HTTP://wiki.internal/down")).runbook()).isEqualTo("HTTP://wiki.internal/down");
        assertThat(RuleValidator.validate(withRunbook(" ")).runbook()).isNull();
        assertThat(RuleValidator.validate(withRunbook(null)).runbook()).isNull();
        for (String bad : List.of("javascript:alert(1)", "ftp://files.example.com/runbook", "wiki.example.com/runbook",
                "https:///no-host", "https://wiki.example.com/a page")) {
            assertThatThrownBy(() -> RuleValidator.validate(withRunbook(bad))).as(bad).hasMessage("runbook '" + bad
                    + "' is not an http(s) URL such as https://wiki.example.com/runbooks/database-down");
        }
        assertThatThrownBy(() -> RuleValidator.validate(withRunbook("https://bob:s3cret@wiki.example.com/down")))
                .hasMessageStartingWith("runbook URL must not carry a user or password").hasMessageNotContaining("s3cret");
    }

    private static RuleDeclaration withRunbook(String runbook) {
        return new RuleDeclaration("down", "DOWN", null, null, null, null, null, null, null, List.of("dba@example.com"),
                null, null, runbook);
    }

    private static RuleDeclaration declaration(String name, String type, Double threshold, List<String> recipients) {
        return new RuleDeclaration(name, type, threshold, null, null, null, null, null, null, recipients, null, null);
    }
}
