package io.vigil.alert.rule;

/** In increasing order of urgency: an email's severity is its most urgent alert's. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
