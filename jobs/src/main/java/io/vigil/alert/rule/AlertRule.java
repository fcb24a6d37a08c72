package io.vigil.alert.rule;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * A rule as stored and evaluated; a disabled rule (no longer declared) evaluates nothing, but its active
 * alerts still resolve and mail its recipients. Empty scope lists mean everything: every connection for a health
 * rule, every job for {@link ConditionType#JOB_FAILED}.
 */
public record AlertRule(long id, String name, ConditionType type, double threshold, Duration window,
                        Duration pendingFor, Severity severity, List<String> connections, List<String> tags,
                        List<String> jobs, List<String> recipients, Duration repeatInterval, boolean sendResolved,
                        boolean enabled) {

    public AlertRule {
        connections = List.copyOf(connections);
        tags = List.copyOf(tags);
        jobs = List.copyOf(jobs);
        recipients = List.copyOf(recipients);
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
