package io.vigil.alert;

import io.vigil.alert.evaluation.ActiveAlert;
import io.vigil.alert.evaluation.AlertTransition;
import io.vigil.alert.evaluation.Evaluated;
import io.vigil.alert.notification.AlertNotice;
import io.vigil.alert.rule.AlertRule;
import io.vigil.alert.silence.Silence;
import io.vigil.alert.silence.SilenceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The one path from a signal's verdicts to stored alerts and queued emails, for every entry point: lock
 * the alerts, read the active ones and the rules, ask the signal, apply each verdict (silences muting the
 * mail of connection alerts), and queue the emails, all in the caller's transaction.
 */
public class AlertApplier {

    /** @param transitions the alerts that fired or resolved, to log once the transaction commits */
    public record Outcome(int alertsChanged, int emailsQueued, List<AlertTransition> transitions) {
    }

    private final AlertRepository alerts;
    private final AlertChanges changes;
    private final SilenceRepository silences;
    private final AlertNotifier notifier;
    private final Clock clock;

    public AlertApplier(AlertRepository alerts, AlertChanges changes, SilenceRepository silences,
                        AlertNotifier notifier, Clock clock) {
        this.alerts = alerts;
        this.changes = changes;
        this.silences = silences;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Takes the alerts' lock itself (again, if the caller already holds it: the lock is the transaction's). */
    public Outcome apply(DSLContext tx, AlertSignal signal, Instant at, String emailKey) {
        alerts.lockForChanges(tx);
        List<ActiveAlert> active = alerts.active(tx);
        Map<String, ActiveAlert> byKey = active.stream().collect(Collectors.toMap(a -> key(a.ruleId(), a.subject()),
                Function.identity()));
        Map<Long, AlertRule> rules = alerts.rules(tx);
        List<Evaluated> verdicts = signal.evaluate(tx, rules, active, at);
        if (verdicts.isEmpty()) {
            return new Outcome(0, 0, List.of());
        }
        List<Silence> silenced = silences.activeAt(tx, clock.instant());
        int changed = 0;
        List<AlertNotice> notices = new ArrayList<>();
        List<AlertTransition> transitions = new ArrayList<>();
        for (Evaluated e : verdicts) {
            boolean muted = e.rule().type().watchesConnections()
                    && silenced.stream().anyMatch(s -> s.matches(e.subject(), e.tags()));
            AlertChanges.Applied applied = changes.apply(tx, signal.machine(), e, byKey.get(key(e.rule().id(), e.subject())),
                    at, muted);
            changed += applied.changed() ? 1 : 0;
            if (applied.notice() != null) {
                notices.add(applied.notice());
            }
            if (applied.transition() != null) {
                transitions.add(applied.transition());
            }
        }
        return new Outcome(changed, notifier.send(tx, emailKey, notices), transitions);
    }

    private static String key(long ruleId, String subject) {
        return ruleId + "/" + subject;
    }
}
