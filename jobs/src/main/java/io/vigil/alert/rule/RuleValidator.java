package io.vigil.alert.rule;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a declared rule into a rule, or says what is wrong with it and how to fix it. */
public final class RuleValidator {

    /** The rule that mails failed runs to {@code vigil.alerts.operators}; no declared rule may take its name. */
    public static final String OPERATORS_RULE = "vigil-run-failed";
    /** Rules see the last day of checks: a longer window would see less than it says. */
    public static final Duration MAX_WINDOW = Duration.ofHours(24);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>(),;:\"\\[\\]\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

    private RuleValidator() {
    }

    public static AlertRule validate(RuleDeclaration d) {
        if (d.name() == null || d.name().isBlank()) {
            throw new IllegalArgumentException("name is missing: give every rule a unique name");
        }
        if (d.name().equals(OPERATORS_RULE)) {
            throw new IllegalArgumentException("name '" + OPERATORS_RULE + "' is reserved for the rule that mails "
                    + "failed runs to vigil.alerts.operators: choose another");
        }
        ConditionType type = ConditionType.parse(d.type());
        double threshold = d.threshold() == null ? type.defaultThreshold() : d.threshold();
        checkThreshold(type, threshold);
        Duration window = d.window() == null ? defaultWindow(type) : d.window();
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be between 1s and 24h, for example 1h; was " + window);
        }
        if (d.pendingFor().isNegative()) {
            throw new IllegalArgumentException("for must not be negative, for example 5m (or 0s to fire at once)");
        }
        if (d.repeatInterval().isNegative() || d.repeatInterval().isZero()) {
            throw new IllegalArgumentException("repeat-interval must be positive, for example 4h");
        }
        if (type == ConditionType.JOB_FAILED && !(d.connections().isEmpty() && d.tags().isEmpty())) {
            throw new IllegalArgumentException("a JOB_FAILED rule is scoped by jobs, not connections or tags");
        }
        if (type != ConditionType.JOB_FAILED && !d.jobs().isEmpty()) {
            throw new IllegalArgumentException("jobs scopes JOB_FAILED rules only; scope a " + type
                    + " rule by connections or tags");
        }
        checkRecipients(d.recipients());
        return new AlertRule(0, d.name().strip(), type, threshold, window, d.pendingFor(), severity(d.severity()),
                d.connections(), d.tags(), d.jobs(), d.recipients().stream().map(String::strip).toList(),
                d.repeatInterval(), d.sendResolved(), true, runbook(d.runbook()));
    }

    // Emails link to it: only a web address, and none with a user or password in it, which every recipient would read.
    static String runbook(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        String problem = "runbook '" + url + "' is not an http(s) URL such as https://wiki.example.com/runbooks/database-down";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(problem);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("runbook URL must not carry a user or password (every recipient reads it): "
                    + "link to the page itself, such as https://wiki.example.com/runbooks/database-down");
        }
        return url;
    }

    private static void checkThreshold(ConditionType type, double t) {
        boolean ok = switch (type) {
            case DOWN -> t >= 1 && t <= 288 && t == Math.rint(t);
            case AVAILABILITY -> t > 0 && t <= 100;
            case CONNECTIONS, MEMORY -> t > 0 && t <= 1;
            case REPLICATION_LAG -> t > 0 && t <= MAX_WINDOW.toSeconds();
            case LATENCY, RESTARTED, JOB_FAILED -> true;
        };
        if (!ok) {
            throw new IllegalArgumentException("threshold " + t + " is out of range for " + type + ": " + switch (type) {
                case DOWN -> "a whole number of consecutive checks from 1 to 288, such as 2";
                case AVAILABILITY -> "a percentage above 0 and at most 100, such as 99.5";
                case REPLICATION_LAG -> "a lag in seconds above 0 and at most 86400 (a day), such as 30";
                default -> "a ratio of the maximum above 0 and at most 1, such as 0.9 for 90%";
            });
        }
    }

    private static Duration defaultWindow(ConditionType type) {
        return switch (type) {
            // Judged on the latest snapshot: three slots, so one missed probe does not resolve the alert.
            case CONNECTIONS, MEMORY, REPLICATION_LAG -> Duration.ofMinutes(15);
            // Two five-minute slots: the restart is seen by the first probe after it, and the alert resolves
            // once the server has stayed up that long.
            case RESTARTED -> Duration.ofMinutes(10);
            default -> Duration.ofHours(1);
        };
    }

    private static Severity severity(String value) {
        if (value == null || value.isBlank()) {
            return Severity.WARNING;
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + value + "': one of INFO, WARNING, CRITICAL");
        }
    }

    static void checkRecipients(List<String> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients are missing: list at least one email address");
        }
        for (String recipient : recipients) {
            if (recipient == null || !ADDRESS.matcher(recipient.strip()).matches()) {
                throw new IllegalArgumentException("recipient '" + recipient + "' is not an email address such as "
                        + "dba@example.com");
            }
        }
    }
}
