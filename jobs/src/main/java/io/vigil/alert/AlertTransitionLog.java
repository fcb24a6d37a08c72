package io.vigil.alert;

import io.vigil.alert.evaluation.AlertTransition;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each alert that fired or resolved, in one line. Called once the evaluation's transaction has
 * committed, so a rolled-back evaluation, evaluated again, logs nothing twice.
 */
final class AlertTransitionLog {

    private static final Logger log = LoggerFactory.getLogger(AlertTransitionLog.class);

    private AlertTransitionLog() {
    }

    static void write(List<AlertTransition> transitions) {
        for (AlertTransition transition : transitions) {
            if (transition.fired()) {
                log.warn("{}", transition.line());
            } else {
                log.info("{}", transition.line());
            }
        }
    }
}
