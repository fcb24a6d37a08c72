package io.vigil.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.evaluation.Check;
import io.vigil.alert.evaluation.ConnectionFacts;
import io.vigil.alert.evaluation.ConnectionHistory;
import io.vigil.alert.evaluation.NotificationKind;
import io.vigil.alert.evaluation.RunFacts;
import io.vigil.alert.rule.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertMailRendererTest {

    private static final Instant SLOT = Instant.parse("2026-11-23T12:00:00Z");
    private static final String NAME = "<script>alert(1)</script>";
    private static final String ERROR = "FATAL: <b>password</b> authentication failed for user \"app\" & more";

    private final AlertMailRenderer renderer = new AlertMailRenderer();

    @Test
    void theTextPartSaysWhatIsWrongSinceWhenAndHowToLookFurther() {
        var mail = renderer.render(List.of(firing("orders-db", "refused")));

        assertThat(mail.subject()).isEqualTo("[FIRING:1] CRITICAL orders-db database-down");
        assertThat(mail.text()).isEqualTo("""
                FIRING · CRITICAL · orders-db · database-down
                orders-db: DOWN for 2 consecutive checks

                  Since: 2026-11-23 11:50 UTC
                  Last error: refused (2026-11-23 12:00 UTC)
                  Latency: last 20 ms, p95 over the last hour 20 ms
                  Availability: 95.8% over the last 24 hours
                  By hour: ····················███▁ (24 h, oldest first: █ ≥99%, ▄ ≥90%, ▁ lower, · no checks)
                To look further:
                  vigil fleet test orders-db
                  vigil fleet list
                  vigil alerts list
                  vigil silence add --connection orders-db --for 2h --comment "..."

                """);
    }

    @Test
    void markupInANameOrAnErrorIsEscapedInTheHtmlPartAndLeftAsItIsInTheText() {
        var mail = renderer.render(List.of(firing(NAME, ERROR)));

        assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;: DOWN for 2 consecutive checks")
                .contains("FATAL: &lt;b&gt;password&lt;/b&gt; authentication failed for user &quot;app&quot; &amp; more")
                .contains("vigil fleet test &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;");
        assertThat(mail.text()).contains(NAME + ": DOWN for 2 consecutive checks")
                .contains("Last error: " + ERROR + " (2026-11-23 12:00 UTC)")
                .contains("vigil fleet test '" + NAME + "'");
        assertThat(mail.subject()).isEqualTo("[FIRING:1] CRITICAL " + NAME + " database-down");
    }

    @Test
    void theHtmlPartDrawsTheLastDayHourByHourWithoutImages() {
        var html = renderer.render(List.of(firing("orders-db", "refused"))).html();

        assertThat(html).doesNotContain("<img");
        // 20 hours without checks, 3 good hours, and the last hour with two DOWN checks of twelve.
        assertThat(count(html, "bgcolor=\"" + AvailabilityStrip.NONE + "\"")).isEqualTo(20);
        assertThat(count(html, "bgcolor=\"" + AvailabilityStrip.GOOD + "\"")).isEqualTo(3);
        assertThat(count(html, "bgcolor=\"" + AvailabilityStrip.BAD + "\"")).isEqualTo(1);
        assertThat(html).contains("title=\"11:00–12:00 UTC: 83.3%\"").contains("title=\"12:00–13:00 UTC: no checks\"");
    }

    @Test
    void aResolvedJobAlertSaysWhatWasWrongAndWhereToLook() {
        RunFacts run = new RunFacts("rollupJob", 42, "2026-11-23T10:00:00Z", "foldEvents", "DataAccessException: boom");
        AlertNotice resolved = new AlertNotice(7, NotificationKind.RESOLVED, "vigil-run-failed", Severity.CRITICAL,
                "rollupJob", "run 42 failed in step foldEvents", SLOT, SLOT.plusSeconds(600), List.of("ops@x.io"), null, run);

        var mail = renderer.render(List.of(resolved));

        assertThat(mail.subject()).isEqualTo("[RESOLVED] rollupJob vigil-run-failed");
        assertThat(mail.text()).contains("rollupJob is back to normal; it was: run 42 failed in step foldEvents")
                .contains("  Failed step: foldEvents\n").contains("  vigil jobs list --job rollupJob\n")
                .doesNotContain("restart");
    }

    /** Down for the last two checks of 12 in the last hour; 3 good hours before; nothing earlier. */
    @Test
    void aFleetWideOutageShowsTheFirstAlertsInFullTheNextInALineEachAndCountsTheRest() {
        List<AlertNotice> outage = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            outage.add(firing("db-" + i, "<refused>"));
        }

        var mail = renderer.render(outage);

        assertThat(count(mail.text(), "To look further:")).isEqualTo(AlertMailRenderer.IN_FULL).isEqualTo(20);
        assertThat(mail.text()).contains("FIRING · CRITICAL · db-20 · database-down\n")
                .contains("And 230 more:\n  FIRING · CRITICAL · db-21 · database-down — db-21: DOWN for 2 consecutive checks\n")
                .contains("  FIRING · CRITICAL · db-200 · database-down — db-200: DOWN for 2 consecutive checks\n"
                        + "  ... and 50 more: vigil alerts list shows every alert\n")
                .doesNotContain("db-201");
        assertThat(count(mail.html(), "<li>")).isEqualTo(180);
        assertThat(mail.html()).contains("<h2 style=\"font-size: 16px; margin: 0 0 6px 0;\">And 230 more</h2>")
                .contains("... and 50 more: vigil alerts list shows every alert").doesNotContain("db-201")
                .doesNotContain("<refused>");
        assertThat(mail.html().length()).as("bounded, whatever the outage").isLessThan(200_000);
        assertThat(mail.subject()).isEqualTo("[FIRING:250] CRITICAL db-1 database-down (+249 more)");
    }

    private static AlertNotice firing(String name, String error) {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Instant slot = SLOT.minus(Duration.ofMinutes(5L * (47 - i)));
            boolean down = i >= 46;
            checks.add(new Check(slot, down ? "DOWN" : "UP", down ? 20.0 : 10.0 + i % 2, down ? error : null));
        }
        var history = new ConnectionHistory(1, name, List.of(), Duration.ofSeconds(1), checks, null);
        return new AlertNotice(1, NotificationKind.FIRING, "database-down", Severity.CRITICAL, name,
                "DOWN for 2 consecutive checks", SLOT.minus(Duration.ofMinutes(10)), null, List.of("dba@x.io"),
                ConnectionFacts.of(history, SLOT), null);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
