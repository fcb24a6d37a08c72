package io.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.evaluation.ActiveAlert;
import io.vigil.alert.evaluation.Evaluated;
import io.vigil.alert.evaluation.RunFacts;
import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import io.vigil.alert.rule.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job-run signal's verdicts, apart from the apply path that stores and mails them. */
class JobRunSignalTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:31:00Z");
    private static final RunFacts FAILED = new RunFacts("rollupJob", 42, "2026-12-03T02:30:00Z", "foldEvents",
            "DataIntegrityViolationException: ...");

    private final Map<Long, AlertRule> rules = new LinkedHashMap<>();

    JobRunSignalTest() {
        rules.put(1L, jobRule(1, "every-job", List.of()));
        rules.put(2L, jobRule(2, "nightly-only", List.of("dailyRollupJob")));
        rules.put(3L, new AlertRule(3, "db-down", ConditionType.DOWN, 2, Duration.ofHours(1), Duration.ZERO,
                Severity.CRITICAL, List.of(), List.of(), List.of(), List.of("dba@example.com"), Duration.ofHours(4),
                true, true));
    }

    @Test
    void aFailedRunFiresOnlyTheJobRulesThatCoverItsJob() {
        List<Evaluated> verdicts = JobRunSignal.failed(FAILED).evaluate(null, rules, List.of(), NOW);

        assertThat(verdicts).singleElement().satisfies(e -> {
            assertThat(e.rule().name()).isEqualTo("every-job");
            assertThat(e.subject()).isEqualTo("rollupJob");
            assertThat(e.observation().holds()).isTrue();
            assertThat(e.observation().description()).isEqualTo("run 42 failed in step foldEvents");
            assertThat(e.run()).isEqualTo(FAILED);
        });
    }

    @Test
    void aCompletedRunResolvesTheActiveAlertAndKeepsTheFailedRunItWasAbout() {
        ActiveAlert active = new ActiveAlert(7, 1, "rollupJob", null, null, "run 42 failed in step foldEvents", FAILED);

        List<Evaluated> verdicts = JobRunSignal.completed("rollupJob", 43).evaluate(null, rules, List.of(active), NOW);

        assertThat(verdicts).singleElement().satisfies(e -> {
            assertThat(e.observation().holds()).isFalse();
            assertThat(e.observation().description()).isEqualTo("run 43 completed");
            assertThat(e.run()).isEqualTo(FAILED);
        });
    }

    @Test
    void aCompletedRunWithNothingActiveHasNothingToSay() {
        assertThat(JobRunSignal.completed("rollupJob", 43).evaluate(null, rules, List.of(), NOW)).isEmpty();
    }

    @Test
    void eachConditionTypeIsDecidedByExactlyOneSignal() {
        assertThat(ConditionType.JOB_FAILED.signal()).isEqualTo(SignalKind.JOB_RUNS);
        assertThat(List.of(ConditionType.values())).filteredOn(t -> t != ConditionType.JOB_FAILED)
                .allSatisfy(t -> assertThat(t.signal()).isEqualTo(SignalKind.HEALTH_HISTORY))
                .allSatisfy(t -> assertThat(t.watchesConnections()).isTrue());
        assertThat(ConditionType.JOB_FAILED.watchesConnections()).isFalse();
    }

    private static AlertRule jobRule(long id, String name, List<String> jobs) {
        return new AlertRule(id, name, ConditionType.JOB_FAILED, 0, Duration.ZERO, Duration.ZERO, Severity.WARNING,
                List.of(), List.of(), jobs, List.of("ops@example.com"), Duration.ofHours(4), true, true);
    }
}
