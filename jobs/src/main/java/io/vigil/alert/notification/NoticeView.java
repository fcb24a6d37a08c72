package io.vigil.alert.notification;

import io.vigil.alert.evaluation.ConnectionFacts;
import io.vigil.alert.evaluation.NotificationKind;
import io.vigil.alert.evaluation.RunFacts;
import io.vigil.alert.rule.ConditionType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One notice as the templates show it: every value already a string, so the text and HTML parts say the
 * same thing and the templates only lay it out (and escape it).
 */
final class NoticeView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private NoticeView() {
    }

    static Map<String, Object> of(AlertNotice n) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("heading", heading(n));
        view.put("badge", badge(n));
        view.put("title", title(n));
        view.putAll(HeadingColors.of(n.firing(), n.severity()));
        view.put("what", what(n));
        view.put("facts", facts(n));
        view.put("strip", strip(n));
        view.put("commands", n.commands());
        view.put("runbook", n.runbook());
        return view;
    }

    private static Map<String, Object> strip(AlertNotice n) {
        if (n.connection() == null) {
            return null;
        }
        return n.type() == ConditionType.LATENCY ? HourStrip.latency(n.connection()) : HourStrip.availability(n.connection());
    }

    /** The notice in one line, for an email with more alerts than it shows in full. */
    static String line(AlertNotice n) {
        return heading(n) + " — " + what(n);
    }

    private static String heading(AlertNotice n) {
        return badge(n) + " · " + title(n);
    }

    private static String badge(AlertNotice n) {
        String state = switch (n.kind()) {
            case FIRING -> "FIRING";
            case REPEAT -> "STILL FIRING";
            case RESOLVED -> "RESOLVED";
        };
        return state + " · " + n.severity();
    }

    private static String title(AlertNotice n) {
        return n.subject() + " · " + n.ruleName();
    }

    private static String what(AlertNotice n) {
        return n.kind() == NotificationKind.RESOLVED
                ? n.subject() + " is back to normal; it was: " + n.description()
                : n.subject() + ": " + n.description();
    }

    private static List<Map<String, String>> facts(AlertNotice n) {
        List<Map<String, String>> facts = new ArrayList<>();
        fact(facts, "Since", time(n.since()));
        if (n.resolvedAt() != null) {
            fact(facts, "Resolved", time(n.resolvedAt()));
        }
        RunFacts run = n.run();
        if (run != null) {
            fact(facts, "Job", run.job());
            fact(facts, "Run", Long.toString(run.executionId()));
            fact(facts, "Slot", run.slot());
            fact(facts, "Failed step", run.failedStep());
            fact(facts, "Failure", run.failure());
            fact(facts, "Then", run.recovery());
        }
        ConnectionFacts c = n.connection();
        if (c != null) {
            fact(facts, "Last error", c.lastError() == null ? null : c.lastError() + " (" + time(c.lastErrorAt()) + ")");
            if (n.type() == ConditionType.LATENCY) {
                fact(facts, "Latency", latencyAgainstSlo(c));
            } else {
                fact(facts, "Latency", latency(c));
                fact(facts, "Availability", availability(c));
            }
        }
        return facts;
    }

    // What the LATENCY rule judges: the answers' p95 against the SLO, not how long failures took.
    private static String latencyAgainstSlo(ConnectionFacts c) {
        Double p95 = c.hourlyP95().isEmpty() ? null : c.hourlyP95().getLast();
        String last = c.lastLatencyMs() == null ? "" : "; last check " + ms(c.lastLatencyMs());
        return "p95 " + (p95 == null ? "- (no answers)" : ms(p95)) + " over the last hour, SLO " + c.latencySloMs()
                + " ms" + last;
    }

    private static String latency(ConnectionFacts c) {
        if (c.lastLatencyMs() == null && c.p95LastHourMs() == null) {
            return null;
        }
        return "last " + ms(c.lastLatencyMs()) + ", p95 over the last hour " + ms(c.p95LastHourMs());
    }

    private static void fact(List<Map<String, String>> facts, String label, String value) {
        if (value != null) {
            facts.add(Map.of("label", label, "value", value));
        }
    }

    private static String ms(Double value) {
        return value == null ? "-" : Math.round(value) + " ms";
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static String availability(ConnectionFacts c) {
        return AvailabilityText.of(c.availability24h(), c.checks24h(), c.skipped24h(), "24 hours");
    }
}
