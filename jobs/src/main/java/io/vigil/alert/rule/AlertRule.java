package io.vigil.alert.rule;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * A rule as stored and evaluated; a disabled rule (no longer declared) evaluates nothing, but its active
 * alerts still resolve and mail its recipients. Empty scope lists mean everything: every connection for a health
 * rule, every job for {@link ConditionType#JOB_FAILED}.
 *
 * @param runbook an http(s) URL of what to do when it fires, shown in its emails; null if none
 */
public record AlertRule(long id, String name, ConditionType type, double threshold, Duration window,
                        Duration pendingFor, Severity severity, List<String> connections, List<String> tags,
                        List<String> jobs, List<String> recipients, Duration repeatInterval, boolean sendResolved,
                        boolean enabled, String runbook) {

    public AlertRule {
        connections = List.copyOf(connections);
        tags = List.copyOf(tags);
        jobs = List.copyOf(jobs);
        recipients = List.copyOf(recipients);
    }

    /** A rule without a runbook. */
    public AlertRule(long id, String name, ConditionType type, double threshold, Duration window, Duration pendingFor,
                     Severity severity, List<String> connections, List<String> tags, List<String> jobs,
                     List<String> recipients, Duration repeatInterval, boolean sendResolved, boolean enabled) {
        this(id, name, type, threshold, window, pendingFor, severity, connections, tags, jobs, recipients, repeatInterval,
                sendResolved, enabled, null);
    }

    public boolean appliesToConnection(String name, Collection<String> connectionTags) {
        if (!type.watchesConnections()) {
            return false;
        }
        if (connections.isEmpty() && tags.isEmpty()) {
            return true;
        }
        return connections.contains(name) || connectionTags.stream().anyMatch(tags::contains);
    }

    public boolean appliesToJob(String job) {
        return type == ConditionType.JOB_FAILED && (jobs.isEmpty() || jobs.contains(job));
    }
}
