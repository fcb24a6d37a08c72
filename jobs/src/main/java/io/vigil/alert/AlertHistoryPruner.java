package io.vigil.alert;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.ALERT_EVALUATION;
import static io.vigil.db.jooq.Tables.SILENCE;

import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Deletes the alert history nobody acts on any more: alerts resolved, silences ended, and evaluation
 * records, before a cutoff. Active alerts and silences are never touched, and the latest evaluation
 * record is kept whatever its age, because it is what stops a late restart of an older slot from
 * evaluating again.
 */
public class AlertHistoryPruner {

    private final DSLContext dsl;

    public AlertHistoryPruner(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The number of alerts deleted (with their links to emails; the emails have their own retention). */
    public int pruneBefore(Instant cutoff) {
        // In the step's transaction, like every retention step.
        int alerts = dsl.deleteFrom(ALERT).where(ALERT.STATE.eq("RESOLVED").and(ALERT.RESOLVED_AT.lt(cutoff))).execute();
        dsl.deleteFrom(SILENCE)
                .where(DSL.least(DSL.coalesce(SILENCE.EXPIRED_AT, SILENCE.ENDS_AT), SILENCE.ENDS_AT).lt(cutoff)).execute();
        dsl.deleteFrom(ALERT_EVALUATION).where(ALERT_EVALUATION.SLOT.lt(cutoff))
                .and(ALERT_EVALUATION.SLOT.lt(DSL.select(DSL.max(ALERT_EVALUATION.SLOT)).from(ALERT_EVALUATION)))
                .execute();
        return alerts;
    }
}
