package io.vigil.alert.rule;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vigil.alerts.*}.
 *
 * @param rules         the alert rules, synced into {@code alert_rule} when the daemon starts
 * @param operators     who is mailed every failed run, besides the recipients of JOB_FAILED rules
 * @param keepFiringFor how long a firing alert's condition must stay false before it resolves
 */
@ConfigurationProperties("vigil.alerts")
public record AlertsProperties(List<RuleDeclaration> rules, List<String> operators, Duration keepFiringFor) {

    public static final Duration DEFAULT_KEEP_FIRING_FOR = Duration.ZERO;

    public AlertsProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        operators = operators == null ? List.of() : operators.stream().map(String::strip).toList();
        keepFiringFor = keepFiringFor == null ? DEFAULT_KEEP_FIRING_FOR : keepFiringFor;
        if (keepFiringFor.isNegative()) {
            throw new IllegalArgumentException("vigil.alerts.keep-firing-for must not be negative, for example 10m");
        }
        if (!operators.isEmpty()) {
            try {
                RuleValidator.checkRecipients(operators);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vigil.alerts.operators: " + e.getMessage(), e);
            }
        }
    }
}
