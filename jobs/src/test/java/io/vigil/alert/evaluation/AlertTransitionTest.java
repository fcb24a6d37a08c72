package io.vigil.alert.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.rule.AlertRule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertTransitionTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final AlertRule RULE = Rules.down(2, Duration.ofMinutes(5));
    private static final AlertStateMachine MACHINE = new AlertStateMachine(Duration.ZERO);

    @Test
    void firingIsOneBadLineWithWhatWasObserved() {
        AlertStatus pending = MACHINE.next(RULE, null, true, T0).after();
        AlertStatus firing = MACHINE.next(RULE, pending, true, T0.plus(Duration.ofMinutes(5))).after();

        AlertTransition fired = AlertTransition.between(RULE, "orders-db", pending, firing,
                "2 DOWN checks in a row:\n connection refused", false).orElseThrow();

        assertThat(fired.fired()).isTrue();
        assertThat(fired.line()).isEqualTo("alert database-down FIRING for orders-db (CRITICAL): 2 DOWN checks in a row: "
                + "connection refused (see: vigil alerts list)");
        assertThat(AlertTransition.between(RULE, "orders-db", null, pending, "1 DOWN check", false))
                .as("pending is not firing yet").isEmpty();
    }

    @Test
    void aSilencedAlertFiresAllTheSameAndSaysItMailedNobody() {
        AlertStatus firing = MACHINE.next(Rules.down(1, Duration.ZERO), null, true, T0).after();

        assertThat(AlertTransition.between(RULE, "orders-db", null, firing, "1 DOWN check", true).orElseThrow().line())
                .isEqualTo("alert database-down FIRING for orders-db (CRITICAL): 1 DOWN check; silenced, so no email "
                        + "(see: vigil alerts list)");
    }

    @Test
    void resolvingIsOneLineAndKeepingOnFiringIsNone() {
        AlertStatus firing = MACHINE.next(Rules.down(1, Duration.ZERO), null, true, T0).after();
        AlertStatus stillFiring = MACHINE.next(RULE, firing, true, T0.plus(Duration.ofMinutes(5))).after();
        AlertStatus resolved = MACHINE.next(RULE, stillFiring, false, T0.plus(Duration.ofMinutes(10))).after();

        assertThat(AlertTransition.between(RULE, "orders-db", firing, stillFiring, "2 DOWN checks", false)).isEmpty();
        AlertTransition resolution = AlertTransition.between(RULE, "orders-db", stillFiring, resolved, "2 DOWN checks",
                false).orElseThrow();
        assertThat(resolution.fired()).isFalse();
        assertThat(resolution.line()).isEqualTo("alert database-down RESOLVED for orders-db (CRITICAL) (see: vigil alerts list)");
    }

    @Test
    void aPendingAlertDroppedIsNoChange() {
        AlertStatus pending = MACHINE.next(RULE, null, true, T0).after();

        assertThat(AlertTransition.between(RULE, "orders-db", pending, null, "1 DOWN check", false)).isEmpty();
    }
}
