package io.vigil.alert.evaluation;

import io.vigil.alert.rule.AlertRule;
import java.util.List;

/**
 * One rule and subject in an evaluation: what was observed, and the connection it is about (null for a
 * job, or for a connection no longer monitored).
 */
public record Evaluated(AlertRule rule, String subject, ConnectionHistory connection, Observation observation, RunFacts run) {

    public List<String> tags() {
        return connection == null ? List.of() : connection.tags();
    }
}
