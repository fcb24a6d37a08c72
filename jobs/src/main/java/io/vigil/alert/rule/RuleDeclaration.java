package io.vigil.alert.rule;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.Name;

/**
 * One entry of {@code vigil.alerts.rules}, kept as loose values so that one bad rule is reported by name
 * instead of failing the whole configuration at binding time. {@link RuleValidator} makes it a rule.
 */
public record RuleDeclaration(String name, String type, Double threshold, Duration window,
                              @Name("for") Duration pendingFor, String severity, List<String> connections,
                              List<String> tags, List<String> jobs, List<String> recipients,
                              Duration repeatInterval, Boolean sendResolved, String runbook) {

    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

    @ConstructorBinding
    public RuleDeclaration {
        connections = connections == null ? List.of() : List.copyOf(connections);
        tags = tags == null ? List.of() : List.copyOf(tags);
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        pendingFor = pendingFor == null ? Duration.ZERO : pendingFor;
        repeatInterval = repeatInterval == null ? DEFAULT_REPEAT_INTERVAL : repeatInterval;
        sendResolved = sendResolved == null || sendResolved;
    }

    /** A declaration without a runbook. */
    public RuleDeclaration(String name, String type, Double threshold, Duration window, Duration pendingFor,
                           String severity, List<String> connections, List<String> tags, List<String> jobs,
                           List<String> recipients, Duration repeatInterval, Boolean sendResolved) {
        this(name, type, threshold, window, pendingFor, severity, connections, tags, jobs, recipients, repeatInterval,
                sendResolved, null);
    }
}
