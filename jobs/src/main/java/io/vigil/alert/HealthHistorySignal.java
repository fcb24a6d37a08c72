package io.vigil.alert;

import io.vigil.alert.evaluation.ActiveAlert;
import io.vigil.alert.evaluation.AlertStateMachine;
import io.vigil.alert.evaluation.ConnectionHistory;
import io.vigil.alert.evaluation.Evaluated;
import io.vigil.alert.evaluation.Observations;
import io.vigil.alert.rule.AlertRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** The fleet's health history up to a slot, judged by the rules that watch connections. */
record HealthHistorySignal(HealthHistoryReader histories, AlertStateMachine machine) implements AlertSignal {

    @Override
    public List<Evaluated> evaluate(DSLContext tx, Map<Long, AlertRule> rules, List<ActiveAlert> active, Instant slot) {
        // Without health rules or alerts there is nothing to read a day of checks for.
        boolean watching = !active.isEmpty()
                || rules.values().stream().anyMatch(r -> r.enabled() && r.type().watchesConnections());
        List<ConnectionHistory> fleet = watching ? histories.load(tx, slot) : List.of();
        return Observations.of(rules, active, fleet, slot);
    }
}
