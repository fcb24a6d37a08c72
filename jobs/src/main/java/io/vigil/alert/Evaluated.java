package io.vigil.alert;

import java.util.List;

/**
 * One rule and subject in an evaluation: what was observed, and the connection it is about (null for a
 * job, or for a connection no longer monitored).
 */
record Evaluated(AlertRule rule, String subject, ConnectionHistory connection, Observation observation, RunFacts run) {

    List<String> tags() {
        return connection == null ? List.of() : connection.tags();
    }
}
