package io.vigil.mail;

import io.vigil.alert.AlertQueries;

/** A deliberately misplaced dependency, for the architecture's own test: mail knows nothing of alerts. */
public class MailThatKnowsAlerts {

    int activeAlerts(AlertQueries alerts) {
        return alerts.hashCode();
    }
}
