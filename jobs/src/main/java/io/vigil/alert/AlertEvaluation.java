package io.vigil.alert;

import static io.vigil.db.jooq.Tables.ALERT_EVALUATION;

import io.vigil.alert.evaluation.ActiveAlert;
import io.vigil.alert.evaluation.AlertStateMachine;
import io.vigil.alert.evaluation.AlertTransition;
import io.vigil.alert.evaluation.ConnectionHistory;
import io.vigil.alert.evaluation.Evaluated;
import io.vigil.alert.evaluation.Observations;
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
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation of every alert for a slot, in one transaction: all state changes and all the emails
 * they cause commit together or not at all. A slot already evaluated, or older than one evaluated (a
 * restart of an old run), changes nothing: state only moves forward in time.
 */
public class AlertEvaluation {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluation.class);

    /** @param transitions the alerts that fired or resolved */
    public record Report(boolean skipped, int alertsChanged, int emailsQueued, List<AlertTransition> transitions) {
    }

    private final DSLContext dsl;
    private final AlertRepository alerts;
    private final AlertChanges changes;
    private final HealthHistoryReader histories;
    private final SilenceRepository silences;
    private final AlertNotifier notifier;
    private final AlertStateMachine machine;
    private final Clock clock;

    public AlertEvaluation(DSLContext dsl, AlertRepository alerts, AlertChanges changes, HealthHistoryReader histories,
                           SilenceRepository silences, AlertNotifier notifier, AlertStateMachine machine, Clock clock) {
        this.dsl = dsl;
        this.alerts = alerts;
        this.changes = changes;
        this.histories = histories;
        this.silences = silences;
        this.notifier = notifier;
        this.machine = machine;
        this.clock = clock;
    }

    public Report evaluate(Instant slot) {
        Report report = dsl.transactionResult(configuration -> evaluate(configuration.dsl(), slot));
        // Every slot has one: what changed is in the lines of the alerts themselves.
        log.debug("Alert evaluation for slot {}: {}", slot, report.skipped() ? "already done, skipped"
                : report.alertsChanged() + " alert(s) changed, " + report.emailsQueued() + " email(s) queued");
        AlertTransitionLog.write(report.transitions());
        return report;
    }

    private Report evaluate(DSLContext tx, Instant slot) {
        alerts.lockForChanges(tx);
        Instant latest = tx.select(DSL.max(ALERT_EVALUATION.SLOT)).from(ALERT_EVALUATION).fetchOne().value1();
        if (latest != null && !slot.isAfter(latest)) {
            return new Report(true, 0, 0, List.of());
        }
        List<ActiveAlert> active = alerts.active(tx);
        Map<String, ActiveAlert> byKey = active.stream().collect(Collectors.toMap(a -> a.ruleId() + "/" + a.subject(),
                Function.identity()));
        List<Silence> silenced = silences.activeAt(tx, clock.instant());
        Map<Long, AlertRule> rules = alerts.rules(tx);
        // Without health rules or alerts there is nothing to read a day of checks for.
        boolean watching = !active.isEmpty() || rules.values().stream().anyMatch(r -> r.enabled() && r.type().watchesConnections());
        List<ConnectionHistory> fleet = watching ? histories.load(tx, slot) : List.of();
        int changed = 0;
        List<AlertNotice> notices = new ArrayList<>();
        List<AlertTransition> transitions = new ArrayList<>();
        for (Evaluated e : Observations.of(rules, active, fleet, slot)) {
            boolean muted = e.rule().type().watchesConnections()
                    && silenced.stream().anyMatch(s -> s.matches(e.subject(), e.tags()));
            AlertChanges.Applied applied = changes.apply(tx, machine, e, byKey.get(e.rule().id() + "/" + e.subject()),
                    slot, muted);
            changed += applied.changed() ? 1 : 0;
            if (applied.notice() != null) {
                notices.add(applied.notice());
            }
            if (applied.transition() != null) {
                transitions.add(applied.transition());
            }
        }
        int emails = notifier.send(tx, "alerts:" + slot, notices);
        tx.insertInto(ALERT_EVALUATION, ALERT_EVALUATION.SLOT, ALERT_EVALUATION.EVALUATED_AT,
                        ALERT_EVALUATION.ALERTS_CHANGED, ALERT_EVALUATION.EMAILS_QUEUED)
                .values(slot, clock.instant(), changed, emails)
                .execute();
        return new Report(false, changed, emails, transitions);
    }
}
