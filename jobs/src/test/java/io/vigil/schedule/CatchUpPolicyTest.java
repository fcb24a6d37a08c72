package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.runs.DefaultSchedule;
import io.vigil.runs.NodeLossDecision;
import io.vigil.runs.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Which runs taken from a lost node are restarted, by the job's period and configuration. */
class CatchUpPolicyTest {

    private static final List<DefaultSchedule> SHIPPED = List.of(
            new DefaultSchedule("healthCheckJob", "0 */5 * * * ?"),
            new DefaultSchedule("dailyRollupJob", "0 15 0 * * ?"),
            new DefaultSchedule("retentionJob", "0 45 0 * * ?"),
            new DefaultSchedule("hourlyJob", "0 0 * * * ?"));

    private final CatchUpPolicy shipped = policy(Map.of());

    @Test
    void aFiveMinuteJobRestartsWhileItsSlotIsTheCurrentOrThePreviousOne() {
        Slot slot = Slot.parse("2026-11-23T10:05:00Z");

        assertThat(shipped.decide("healthCheckJob", slot, Instant.parse("2026-11-23T10:07:00Z")).restart()).isTrue();
        assertThat(shipped.decide("healthCheckJob", slot, Instant.parse("2026-11-23T10:14:59Z")).restart()).isTrue();
        NodeLossDecision late = shipped.decide("healthCheckJob", slot, Instant.parse("2026-11-23T10:15:00Z"));
        assertThat(late.restart()).isFalse();
        assertThat(late.reason()).isEqualTo("its slot 2026-11-23T10:05:00Z is past healthCheckJob's catch-up window "
                + "(10m from the slot's start): an operator decides");
    }

    @Test
    void aNightlyJobRestartsTheSameNightButNotIntoTheWorkingDay() {
        Slot night = Slot.parse("2026-11-23T00:15:00Z");

        NodeLossDecision early = shipped.decide("dailyRollupJob", night, Instant.parse("2026-11-23T06:14:00Z"));
        assertThat(early.restart()).isTrue();
        assertThat(early.reason()).isEqualTo("its slot 2026-11-23T00:15:00Z is within dailyRollupJob's catch-up window "
                + "(6h from the slot's start)");
        assertThat(shipped.decide("dailyRollupJob", night, Instant.parse("2026-11-23T06:15:00Z")).restart()).isFalse();
        assertThat(CatchUpPolicy.window(new Schedules(SHIPPED, new SchedulesProperties(Map.of())).all().get("hourlyJob"),
                Slot.parse("2026-11-23T10:00:00Z"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void onNodeLossAndCatchUpAreConfiguredPerJobWithSpringsRelaxedNames() {
        CatchUpPolicy configured = policy(Map.of(
                "vigil.schedules.retentionJob.on-node-loss", "leave",
                "vigil.schedules.healthCheckJob.catch-up", "30m"));
        Slot slot = Slot.parse("2026-11-23T10:05:00Z");

        assertThat(configured.decide("healthCheckJob", slot, Instant.parse("2026-11-23T10:34:00Z")).restart()).isTrue();
        NodeLossDecision left = configured.decide("retentionJob", Slot.parse("2026-11-23T00:45:00Z"),
                Instant.parse("2026-11-23T00:46:00Z"));
        assertThat(left).isEqualTo(NodeLossDecision.leave("on-node-loss is leave for retentionJob: an operator decides"));
        assertThat(configured.decide("adHocJob", slot, Instant.parse("2026-11-23T10:06:00Z")))
                .isEqualTo(NodeLossDecision.leave("adHocJob has no schedule, so no catch-up window: an operator decides"));
    }

    @Test
    void aCatchUpThatIsNotPositiveIsRefusedWithTheWayToSayLeave() {
        assertThatThrownBy(() -> policy(Map.of("vigil.schedules.healthCheckJob.catch-up", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("catch-up must be a positive duration such as 10m, not PT0S "
                        + "(to never restart a run taken from a lost node, set on-node-loss: leave)");
        assertThatThrownBy(() -> policy(Map.of("vigil.schedules.healthCheckJob.on-node-loss", "retry")))
                .isInstanceOf(BindException.class);
    }

    private static CatchUpPolicy policy(Map<String, String> properties) {
        SchedulesProperties configured = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("vigil", SchedulesProperties.class);
        return new CatchUpPolicy(new Schedules(SHIPPED, configured));
    }
}
