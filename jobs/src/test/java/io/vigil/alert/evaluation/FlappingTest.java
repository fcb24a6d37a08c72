package io.vigil.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A target alternating DOWN and UP at every five-minute check for two hours, then UP for good: what the
 * damping saves its recipients.
 */
class FlappingTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration FIVE = Duration.ofMinutes(5);

    @Test
    void withKeepFiringForTheFlappingTargetIsOneFiringAndOneResolvedEmail() {
        List<NotificationKind> emails = simulate(Rules.down(1, Duration.ZERO), Duration.ofMinutes(10));

        assertThat(emails).containsExactly(NotificationKind.FIRING, NotificationKind.RESOLVED);
    }

    @Test
    void withoutDampingEveryFlapWouldBeTwoEmails() {
        List<NotificationKind> emails = simulate(Rules.down(1, Duration.ZERO), Duration.ZERO);

        assertThat(emails).hasSize(24).containsOnly(NotificationKind.FIRING, NotificationKind.RESOLVED);
    }

    @Test
    void aRuleAskingForConsecutiveDownChecksNeverFiresOnAlternation() {
        assertThat(simulate(Rules.down(2, Duration.ZERO), Duration.ofMinutes(10))).isEmpty();
    }

    @Test
    void aForDurationLongerThanOneFlapNeverFires() {
        assertThat(simulate(Rules.down(1, Duration.ofMinutes(10)), Duration.ofMinutes(10))).isEmpty();
    }

    /** 24 checks alternating DOWN, UP, … (two hours), then 12 UP (one hour). */
    private static List<NotificationKind> simulate(AlertRule rule, Duration keepFiringFor) {
        AlertStateMachine machine = new AlertStateMachine(keepFiringFor);
        List<Check> checks = new ArrayList<>();
        List<NotificationKind> emails = new ArrayList<>();
        AlertStatus status = null;
        for (int i = 0; i < 36; i++) {
            Instant slot = T0.plus(FIVE.multipliedBy(i));
            boolean down = i < 24 && i % 2 == 0;
            checks.add(new Check(slot, down ? "DOWN" : "UP", 10.0, down ? "refused" : null));
            var history = new ConnectionHistory(1, "orders-db", List.of(), Duration.ofSeconds(1), checks, null);
            var step = machine.next(rule, status, Conditions.observe(rule, history, slot).holds(), slot);
            status = step.after();
            if (step.due() != null) {
                emails.add(step.due());
                status = status.notified(step.due(), slot);
            }
            if (status != null && status.state() == AlertState.RESOLVED) {
                status = null;
            }
        }
        return emails;
    }
}
