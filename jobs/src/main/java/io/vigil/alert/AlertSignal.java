package io.vigil.alert;

import io.vigil.alert.evaluation.ActiveAlert;
import io.vigil.alert.evaluation.AlertStateMachine;
import io.vigil.alert.evaluation.Evaluated;
import io.vigil.alert.rule.AlertRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * One kind of thing alert rules watch (the fleet's health history, the end of a job run; predictions,
 * costs and event analytics next), as the one apply path ({@link AlertApplier}) asks it: what each of its
 * rules says now, and how its alerts move between pending, firing and resolved. A new kind of signal is a
 * new implementation, never another copy of the lock, rules, apply and notify sequence.
 */
public interface AlertSignal {

    /** How this signal's alerts fire and resolve: a measurement waits out flapping, a run's end does not. */
    AlertStateMachine machine();

    /**
     * The verdict of each rule of this signal on each subject it watches, and on each of its active alerts,
     * read in the transaction that holds the alerts' lock.
     */
    List<Evaluated> evaluate(DSLContext tx, Map<Long, AlertRule> rules, List<ActiveAlert> active, Instant at);
}
