package io.vigil.alert.notification;

import io.vigil.alert.evaluation.Check;
import io.vigil.alert.evaluation.ConnectionFacts;
import io.vigil.alert.evaluation.ConnectionHistory;
import io.vigil.alert.evaluation.NotificationKind;
import io.vigil.alert.rule.ConditionType;
import io.vigil.alert.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes a firing and a resolved alert email, rendered by the real renderer, into the directory named by
 * {@code -Dvigil.sample-emails=DIR}, to look at in a browser or screenshot for docs/ (see README, Email):
 * {@code mvn -o verify -pl jobs -Dtest=SampleEmails -Dvigil.sample-emails=/tmp/emails}. Not a test: the name
 * keeps it out of the suite, and without the property it does nothing.
 */
@EnabledIfSystemProperty(named = "vigil.sample-emails", matches = ".+")
class SampleEmails {

    private static final Instant NOW = Instant.parse("2026-11-23T14:00:00Z");
    private static final String RUNBOOK = "https://wiki.example.com/runbooks/database-down";

    private final AlertMailRenderer renderer = new AlertMailRenderer();

    @Test
    void write() throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("vigil.sample-emails")));
        AlertNotice down = new AlertNotice(1, NotificationKind.FIRING, "database-down", ConditionType.DOWN,
                Severity.CRITICAL, "orders-db", "DOWN for 2 consecutive checks", NOW.minus(Duration.ofMinutes(10)), null,
                List.of("dba@example.com"), ConnectionFacts.of(ordersDb(false), NOW), null, RUNBOOK);
        AlertNotice slow = new AlertNotice(2, NotificationKind.FIRING, "slow", ConditionType.LATENCY, Severity.WARNING,
                "payments-api-health-endpoint-eu-west-1", "p95 latency 1240 ms over 15m is above the SLO of 500 ms",
                NOW.minus(Duration.ofMinutes(40)), null, List.of("dba@example.com"), ConnectionFacts.of(slowApi(), NOW),
                null, null);
        write(dir.resolve("email-firing.html"), renderer.render(List.of(down, slow)));
        Instant later = NOW.plus(Duration.ofMinutes(45));
        AlertNotice resolved = new AlertNotice(1, NotificationKind.RESOLVED, "database-down", ConditionType.DOWN,
                Severity.CRITICAL, "orders-db", "DOWN for 2 consecutive checks", NOW.minus(Duration.ofMinutes(10)), later,
                List.of("dba@example.com"), ConnectionFacts.of(ordersDb(true), later), null, RUNBOOK);
        write(dir.resolve("email-resolved.html"), renderer.render(List.of(resolved)));
    }

    private static void write(Path file, AlertMailRenderer.Rendered mail) throws IOException {
        Files.writeString(file, mail.html());
        Files.writeString(file.resolveSibling(file.getFileName().toString().replace(".html", ".txt")),
                "Subject: " + mail.subject() + "\n\n" + mail.text());
    }

    /** A day of five-minute checks, a bad hour in the morning, down from 13:50 (and back at 14:20 if recovered). */
    private static ConnectionHistory ordersDb(boolean recovered) {
        List<Check> checks = new ArrayList<>();
        Instant end = recovered ? NOW.plus(Duration.ofMinutes(45)) : NOW;
        for (Instant slot = end.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(5)); !slot.isAfter(end);
             slot = slot.plus(Duration.ofMinutes(5))) {
            boolean morning = slot.isAfter(NOW.minus(Duration.ofHours(6))) && slot.isBefore(NOW.minus(Duration.ofMinutes(320)));
            boolean outage = !slot.isBefore(NOW.minus(Duration.ofMinutes(10)))
                    && (!recovered || slot.isBefore(NOW.plus(Duration.ofMinutes(20))));
            boolean down = outage || morning && slot.getEpochSecond() % 900 == 0;
            checks.add(new Check(slot, slot.plusSeconds(2), down ? "DOWN" : "UP", down ? 5.0 : 12.0 + slot.getEpochSecond() % 7,
                    down ? "connection refused by db1.internal:5432" : null));
        }
        return new ConnectionHistory(1, "orders-db", List.of("prod"), Duration.ofMillis(500), checks, null);
    }

    /** Fast all day, slowing down over the last three hours. */
    private static ConnectionHistory slowApi() {
        List<Check> checks = new ArrayList<>();
        for (Instant slot = NOW.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(5)); !slot.isAfter(NOW);
             slot = slot.plus(Duration.ofMinutes(5))) {
            long minutesAgo = Duration.between(slot, NOW).toMinutes();
            double latency = minutesAgo > 180 ? 80 + slot.getEpochSecond() % 50 : minutesAgo > 60 ? 700 : 1240;
            checks.add(new Check(slot, slot.plusSeconds(1), latency > 500 ? "DEGRADED" : "UP", latency, null));
        }
        return new ConnectionHistory(2, "payments-api-health-endpoint-eu-west-1", List.of(), Duration.ofMillis(500), checks, null);
    }
}
