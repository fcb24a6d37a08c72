package io.vigil.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration FIVE = Duration.ofMinutes(5);

    private final AlertStateMachine machine = new AlertStateMachine(Duration.ofMinutes(10));
    private final AlertRule rule = Rules.down(1, Duration.ofMinutes(10));

    @Test
    void aConditionMustHoldForTheForDurationBeforeItFires() {
        var first = machine.next(rule, null, true, T0);
        assertThat(first).isEqualTo(new AlertStateMachine.Step(AlertStatus.pending(T0), null, true));

        var second = machine.next(rule, first.after(), true, T0.plus(FIVE));
        assertThat(second).isEqualTo(new AlertStateMachine.Step(AlertStatus.pending(T0), null, false));

        var third = machine.next(rule, second.after(), true, T0.plus(Duration.ofMinutes(10)));
        assertThat(third.after()).isEqualTo(new AlertStatus(AlertState.FIRING, T0, T0.plus(Duration.ofMinutes(10)),
                null, null, false, null));
        assertThat(third.due()).isEqualTo(NotificationKind.FIRING);
        assertThat(third.changed()).isTrue();
    }

    @Test
    void aPendingAlertWhoseConditionStopsIsDroppedUnseen() {
        var pending = machine.next(rule, null, true, T0).after();

        assertThat(machine.next(rule, pending, false, T0.plus(FIVE))).isEqualTo(new AlertStateMachine.Step(null, null, true));
        assertThat(machine.next(rule, null, false, T0)).isEqualTo(new AlertStateMachine.Step(null, null, false));
    }

    @Test
    void aRuleWithoutForFiresAtOnce() {
        var step = machine.next(Rules.down(1, Duration.ZERO), null, true, T0);

        assertThat(step.after().state()).isEqualTo(AlertState.FIRING);
        assertThat(step.after().firedAt()).isEqualTo(T0);
        assertThat(step.due()).isEqualTo(NotificationKind.FIRING);
    }

    @Test
    void aFiringAlertResolvesOnlyAfterItsConditionWasFalseForKeepFiringFor() {
        AlertStatus firing = new AlertStatus(AlertState.FIRING, T0, T0, null, null, true, T0);

        var once = machine.next(rule, firing, false, T0.plus(FIVE));
        assertThat(once.after().state()).isEqualTo(AlertState.FIRING);
        assertThat(once.after().conditionFalseSince()).isEqualTo(T0.plus(FIVE));
        assertThat(once.due()).isNull();

        var twice = machine.next(rule, once.after(), false, T0.plus(Duration.ofMinutes(10)));
        assertThat(twice.after().state()).isEqualTo(AlertState.FIRING);

        var thrice = machine.next(rule, twice.after(), false, T0.plus(Duration.ofMinutes(15)));
        assertThat(thrice.after().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(thrice.after().resolvedAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(thrice.due()).isEqualTo(NotificationKind.RESOLVED);
    }

    @Test
    void theConditionHoldingAgainResetsTheDamping() {
        AlertStatus recovering = new AlertStatus(AlertState.FIRING, T0, T0, null, T0.plus(FIVE), true, T0);

        var step = machine.next(rule, recovering, true, T0.plus(Duration.ofMinutes(10)));

        assertThat(step.after().conditionFalseSince()).isNull();
        assertThat(step.after().state()).isEqualTo(AlertState.FIRING);
        assertThat(step.due()).isNull();
    }

    @Test
    void aResolutionIsMailedOnlyIfTheFiringWasAndTheRuleAsksForIt() {
        AlertStatus unannounced = new AlertStatus(AlertState.FIRING, T0, T0, null, T0, false, null);
        AlertRule quiet = new AlertRule(1, "quiet", ConditionType.DOWN, 1, Duration.ofHours(1), Duration.ZERO,
                Severity.INFO, java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of("a@example.com"), Duration.ofHours(4), false, true);
        AlertStatus announced = new AlertStatus(AlertState.FIRING, T0, T0, null, T0, true, T0);
        Instant later = T0.plus(Duration.ofMinutes(10));

        assertThat(machine.next(rule, unannounced, false, later).due()).isNull();
        assertThat(machine.next(quiet, announced, false, later).due()).isNull();
        assertThat(machine.next(rule, announced, false, later).due()).isEqualTo(NotificationKind.RESOLVED);
    }

    @Test
    void aStillFiringAlertIsMailedAgainAfterTheRepeatInterval() {
        AlertStatus firing = new AlertStatus(AlertState.FIRING, T0, T0, null, null, true, T0);

        assertThat(machine.next(rule, firing, true, T0.plus(Duration.ofHours(4)).minusSeconds(1)).due()).isNull();
        assertThat(machine.next(rule, firing, true, T0.plus(Duration.ofHours(4))).due()).isEqualTo(NotificationKind.REPEAT);
        assertThat(firing.notified(NotificationKind.REPEAT, T0.plus(Duration.ofHours(4))).lastNotifiedAt())
                .isEqualTo(T0.plus(Duration.ofHours(4)));
    }

    @Test
    void anAlertThatFiredWhileSilencedIsAnnouncedOnceItMayBe() {
        AlertStatus firedSilently = new AlertStatus(AlertState.FIRING, T0, T0, null, null, false, null);

        var step = machine.next(rule, firedSilently, true, T0.plus(Duration.ofHours(1)));

        assertThat(step.due()).isEqualTo(NotificationKind.FIRING);
        assertThat(step.after().notified(NotificationKind.FIRING, T0.plus(Duration.ofHours(1))).firingNotified()).isTrue();
    }
}
