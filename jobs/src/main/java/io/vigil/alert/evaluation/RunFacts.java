package io.vigil.alert.evaluation;

/** The failed run a JOB_FAILED alert is about: what the email says and the command that restarts it. */
public record RunFacts(String job, long executionId, String slot, String failedStep, String failure) {
}
