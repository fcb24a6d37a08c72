package io.vigil.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    private static final Instant SLOT = Instant.parse("2026-11-23T12:00:00Z");

    private final AlertRule prodDown = new AlertRule(1, "prod-down", ConditionType.DOWN, 1, Duration.ofHours(1),
            Duration.ZERO, Severity.CRITICAL, List.of(), List.of("prod"), List.of(), List.of("a@x.io"),
            Duration.ofHours(4), true, true);
    private final AlertRule removed = new AlertRule(2, "removed", ConditionType.DOWN, 1, Duration.ofHours(1),
            Duration.ZERO, Severity.INFO, List.of(), List.of(), List.of(), List.of("a@x.io"), Duration.ofHours(4), true, false);
    private final AlertRule jobFailed = new AlertRule(3, "job-failed", ConditionType.JOB_FAILED, 0, Duration.ofHours(24),
            Duration.ZERO, Severity.CRITICAL, List.of(), List.of(), List.of(), List.of("a@x.io"), Duration.ofHours(4), true, true);
    private final ConnectionHistory orders = connection("orders-db", "prod");
    private final ConnectionHistory scratch = connection("scratch-db", "dev");

    @Test
    void enabledRulesAreObservedOnTheConnectionsInTheirScopeAndEveryActiveAlertIsDecided() {
        RunFacts run = new RunFacts("rollupJob", 9, "2026-11-23T11:55:00Z", "foldEvents", "boom");
        List<ActiveAlert> active = List.of(
                alert(10, prodDown, "orders-db", null),
                alert(11, prodDown, "decommissioned-db", null),
                alert(12, removed, "scratch-db", null),
                alert(13, jobFailed, "rollupJob", run));

        List<Evaluated> evaluated = Observations.of(rules(), active, List.of(orders, scratch), SLOT);

        assertThat(evaluated).extracting(e -> e.rule().name() + " " + e.subject() + ": " + e.observation())
                .containsExactly(
                        "prod-down orders-db: " + Observation.holds("DOWN for 1 consecutive check"),
                        "prod-down decommissioned-db: " + Observation.clear("no longer watched by this rule"),
                        "removed scratch-db: " + Observation.clear("no longer watched by this rule"),
                        "job-failed rollupJob: " + Observation.holds("run 9 failed in step foldEvents"));
        assertThat(evaluated.get(2).connection()).as("still monitored: its email can say how it is").isEqualTo(scratch);
        assertThat(evaluated.get(3).run()).isEqualTo(run);
    }

    private Map<Long, AlertRule> rules() {
        Map<Long, AlertRule> rules = new LinkedHashMap<>();
        List.of(prodDown, removed, jobFailed).forEach(rule -> rules.put(rule.id(), rule));
        return rules;
    }

    private static ActiveAlert alert(long id, AlertRule rule, String subject, RunFacts run) {
        String description = run == null ? "DOWN for 1 consecutive check" : "run 9 failed in step foldEvents";
        return new ActiveAlert(id, rule.id(), subject, null,
                new AlertStatus(AlertState.FIRING, SLOT, SLOT, null, null, true, SLOT), description, run);
    }

    private static ConnectionHistory connection(String name, String tag) {
        return new ConnectionHistory(1, name, List.of(tag), Duration.ofSeconds(1),
                List.of(new Check(SLOT, "DOWN", null, "refused")), null);
    }
}
