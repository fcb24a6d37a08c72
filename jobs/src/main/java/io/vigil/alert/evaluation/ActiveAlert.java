package io.vigil.alert.evaluation;

/**
 * An alert not yet resolved, as stored.
 *
 * @param run the failed run, for a JOB_FAILED alert; null otherwise
 */
public record ActiveAlert(long id, long ruleId, String subject, Long connectionId, AlertStatus status,
                          String description, RunFacts run) {
}
