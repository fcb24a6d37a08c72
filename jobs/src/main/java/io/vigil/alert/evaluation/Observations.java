package io.vigil.alert.evaluation;

import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.rule.SignalKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to decide in one evaluation: every enabled health rule against every connection in its scope, and
 * every active alert besides. An active alert nothing observes any more (its connection was disabled or
 * left the rule's scope, its rule was removed) sees its condition as false, so it resolves as usual.
 */
public final class Observations {

    private Observations() {
    }

    public static List<Evaluated> of(Map<Long, AlertRule> rules, List<ActiveAlert> active,
                                     List<ConnectionHistory> fleet, Instant slot) {
        List<Evaluated> evaluated = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AlertRule rule : rules.values()) {
            if (!rule.enabled() || !rule.type().watchesConnections()) {
                continue;
            }
            for (ConnectionHistory connection : fleet) {
                if (rule.appliesToConnection(connection.name(), connection.tags())) {
                    evaluated.add(new Evaluated(rule, connection.name(), connection,
                            Conditions.observe(rule, connection, slot), null));
                    seen.add(rule.id() + "/" + connection.name());
                }
            }
        }
        for (ActiveAlert alert : active) {
            AlertRule rule = rules.get(alert.ruleId());
            if (seen.contains(alert.ruleId() + "/" + alert.subject())) {
                continue;
            }
            // An alert another signal decides (a failed run stays failed until a later run completes) is held
            // as it is until that signal decides again.
            Observation observation = rule.type().signal() != SignalKind.HEALTH_HISTORY && rule.enabled()
                    ? Observation.holds(alert.description())
                    : Observation.clear("no longer watched by this rule");
            ConnectionHistory connection = fleet.stream().filter(c -> c.name().equals(alert.subject())
                    && rule.type().watchesConnections()).findFirst().orElse(null);
            evaluated.add(new Evaluated(rule, alert.subject(), connection, observation, alert.run()));
        }
        return evaluated;
    }
}
