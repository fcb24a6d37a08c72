package io.vigil.alert;

import static io.vigil.db.jooq.Tables.ALERT_EVALUATION;

import io.vigil.alert.evaluation.AlertStateMachine;
import io.vigil.alert.evaluation.AlertTransition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final AlertApplier applier;
    private final AlertSignal health;
    private final Clock clock;

    public AlertEvaluation(DSLContext dsl, AlertRepository alerts, AlertApplier applier, HealthHistoryReader histories,
                           AlertStateMachine machine, Clock clock) {
        this.dsl = dsl;
        this.alerts = alerts;
        this.applier = applier;
        this.health = new HealthHistorySignal(histories, machine);
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
        AlertApplier.Outcome outcome = applier.apply(tx, health, slot, "alerts:" + slot);
        tx.insertInto(ALERT_EVALUATION, ALERT_EVALUATION.SLOT, ALERT_EVALUATION.EVALUATED_AT,
                        ALERT_EVALUATION.ALERTS_CHANGED, ALERT_EVALUATION.EMAILS_QUEUED)
                .values(slot, clock.instant(), outcome.alertsChanged(), outcome.emailsQueued())
                .execute();
        return new Report(false, outcome.alertsChanged(), outcome.emailsQueued(), outcome.transitions());
    }
}
