package io.vigil.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.evaluation.Check;
import io.vigil.alert.evaluation.ConnectionFacts;
import io.vigil.alert.evaluation.ConnectionHistory;
import io.vigil.alert.evaluation.NotificationKind;
import io.vigil.alert.evaluation.RunFacts;
import io.vigil.alert.rule.ConditionType;
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
                  Availability: 95.8% of 48 checks over the last 24 hours
                  Availability by hour, 2026-11-22 12:00 to 2026-11-23 12:00 UTC:
                  ····················███▁
                  12:00 18:00 00:00 06:00
                  (█ ≥ 99%, ▄ ≥ 90%, ▁ lower, · no checks)
                To look further:
                  vigil fleet show orders-db
                  vigil fleet test orders-db
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
        String strip = html.substring(html.indexOf("Availability by hour"), html.indexOf("To look further"));
        String cells = strip.substring(0, strip.indexOf("</tr>"));
        // 20 hours without checks, 3 good hours, and the last hour with two DOWN checks of twelve.
        assertThat(count(cells, "bgcolor=\"" + HourStrip.NONE + "\"")).isEqualTo(20);
        assertThat(count(cells, "bgcolor=\"" + HourStrip.GOOD + "\"")).isEqualTo(3);
        assertThat(count(cells, "bgcolor=\"" + HourStrip.BAD + "\"")).isEqualTo(1);
        assertThat(cells).contains("title=\"11:00–12:00 UTC: 83.3%\"").contains("title=\"12:00–13:00 UTC: no checks\"");
        assertThat(strip).contains("Availability by hour, 2026-11-22 12:00 to 2026-11-23 12:00 UTC</div>");
    }

    @Test
    void theHourStripHasATimeAxisAndALegend() {
        var html = renderer.render(List.of(firing("orders-db", "refused"))).html();

        String strip = html.substring(html.indexOf("Availability by hour"), html.indexOf("To look further"));
        String axis = strip.substring(strip.indexOf("</tr>"), strip.indexOf("</table>"));
        assertThat(axis.split("<td ")).extracting(td -> td.replaceAll("(?s).*colspan=\"(\\d+)\".*>([^<]*)</td>.*", "$1 $2"))
                .containsSubsequence("6 12:00", "6 18:00", "6 00:00", "6 06:00");
        String legend = strip.substring(strip.indexOf("</table>"));
        assertThat(legend).containsSubsequence("bgcolor=\"" + HourStrip.GOOD + "\"", ">≥ 99%</td>",
                "bgcolor=\"" + HourStrip.WORSE + "\"", ">≥ 90%</td>", "bgcolor=\"" + HourStrip.BAD + "\"", ">lower</td>",
                "bgcolor=\"" + HourStrip.NONE + "\"", ">no checks</td>");
    }

    @Test
    void theHeadingIsColouredByStateAndSeverityInInlineStyles() {
        var critical = renderer.render(List.of(firing("orders-db", "refused"))).html();
        var warning = renderer.render(List.of(Notices.notice(2, NotificationKind.REPEAT, Severity.WARNING, "cache", "slow",
                "dba@x.io"))).html();
        var resolved = renderer.render(List.of(Notices.notice(3, NotificationKind.RESOLVED, Severity.CRITICAL, "orders-db",
                "database-down", "dba@x.io"))).html();

        assertThat(critical).contains("<span style=\"background-color: #c62828; color: #ffffff; padding: 2px 6px; "
                + "border-radius: 3px; white-space: nowrap;\">FIRING · CRITICAL</span> <span>orders-db · database-down</span>")
                .contains("border-top: 4px solid #c62828;");
        assertThat(warning).contains("background-color: #f9a825; color: #212121;")
                .contains(">STILL FIRING · WARNING</span>").contains("border-top: 4px solid #f9a825;");
        assertThat(resolved).contains("background-color: #2e7d32; color: #ffffff;").contains(">RESOLVED · CRITICAL</span>")
                .doesNotContain("#c62828");
        assertThat(critical + warning + resolved).doesNotContain("<style").doesNotContain("class=");
    }

    @Test
    void aLatencyAlertShowsTheP95AgainstTheSloNotAvailability() {
        var mail = renderer.render(List.of(slow()));

        assertThat(mail.text()).contains("  Latency: p95 1145 ms over the last hour, SLO 500 ms; last check 1200 ms\n")
                .doesNotContain("Availability")
                .contains("  p95 latency by hour, 2026-11-22 12:00 to 2026-11-23 12:00 UTC:\n"
                        + "  ····················█▄▁▁\n"
                        + "  12:00 18:00 00:00 06:00\n"
                        + "  (█ ≤ SLO 500 ms, ▄ ≤ 1000 ms, ▁ slower, · no answers)\n");
        assertThat(mail.html()).doesNotContain("Availability").contains("title=\"11:00–12:00 UTC: p95 1145 ms\"")
                .contains(">≤ SLO 500 ms</td>");
    }

    @Test
    void aPhoneShowsItWithoutScrollingSideways() {
        var html = renderer.render(List.of(firing("a-connection-name-far-too-long-to-fit-on-any-phone-screen-at-all", "refused"))).html();

        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("max-width: 680px; margin: 0 auto;").contains("word-break: break-word;")
                .contains("white-space: pre-wrap; word-break: break-word; overflow-wrap: anywhere;");
        assertThat(html.replaceAll("max-width: \\d+px", "")).doesNotContainPattern("[^-]width: ?[1-9]\\d{2,}px");
    }

    @Test
    void theRulesRunbookIsALinkInTheHtmlPartAndALineInTheText() {
        AlertNotice n = firing("orders-db", "refused");
        String url = "https://wiki.example.com/runbooks?page=orders-db&v=2";
        n = new AlertNotice(n.alertId(), n.kind(), n.ruleName(), n.type(), n.severity(), n.subject(), n.description(),
                n.since(), null, n.recipients(), n.connection(), null, url);

        var mail = renderer.render(List.of(n));

        assertThat(mail.html()).contains("<a href=\"https://wiki.example.com/runbooks?page=orders-db&amp;v=2\" "
                + "style=\"color: #1565c0;\">https://wiki.example.com/runbooks?page=orders-db&amp;v=2</a>");
        assertThat(mail.text()).contains("  Availability: 95.8% of 48 checks over the last 24 hours\n  Runbook: " + url + "\n");
        assertThat(renderer.render(List.of(firing("orders-db", "refused"))).html()).doesNotContain("Runbook");
    }

    @Test
    void aResolvedEmailSuggestsNoSilence() {
        AlertNotice resolved = firing("orders-db", "refused");
        resolved = new AlertNotice(1, NotificationKind.RESOLVED, resolved.ruleName(), resolved.type(), resolved.severity(),
                resolved.subject(), resolved.description(), resolved.since(), SLOT, resolved.recipients(),
                resolved.connection(), null, null);

        var mail = renderer.render(List.of(resolved));

        assertThat(mail.text()).contains("  vigil fleet test orders-db\n").doesNotContain("silence");
        assertThat(mail.html()).doesNotContain("silence");
        assertThat(renderer.render(List.of(firing("orders-db", "refused"))).text())
                .contains("  vigil silence add --connection orders-db --for 2h --comment \"...\"\n");
    }

    @Test
    void aResolvedJobAlertSaysWhatWasWrongAndWhereToLook() {
        RunFacts run = new RunFacts("rollupJob", 42, "2026-11-23T10:00:00Z", "foldEvents", "DataAccessException: boom");
        AlertNotice resolved = new AlertNotice(7, NotificationKind.RESOLVED, "vigil-run-failed", ConditionType.JOB_FAILED,
                Severity.CRITICAL,
                "rollupJob", "run 42 failed in step foldEvents", SLOT, SLOT.plusSeconds(600), List.of("ops@x.io"), null, run, null);

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

    @Test
    void availabilitySaysHowManyChecksItRestsOnAndNamesTheSkippedOnes() {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String status = i < 10 ? "UP" : i < 12 ? "DOWN" : "SKIPPED";
            checks.add(new Check(SLOT.minus(Duration.ofMinutes(5L * (14 - i))), status, status.equals("SKIPPED") ? null : 10.0,
                    status.equals("DOWN") ? "refused" : null));
        }
        var history = new ConnectionHistory(1, "web", List.of(), Duration.ofSeconds(1), checks, null);
        var notice = new AlertNotice(1, NotificationKind.FIRING, "database-down", ConditionType.DOWN, Severity.CRITICAL,
                "web", "DOWN for 2 consecutive checks", SLOT.minus(Duration.ofMinutes(15)), null, List.of("dba@x.io"),
                ConnectionFacts.of(history, SLOT), null, null);

        assertThat(renderer.render(List.of(notice)).text())
                .contains("  Availability: 83.3% of 12 checks over the last 24 hours (3 skipped, not counted)\n");
    }

    private static AlertNotice firing(String name, String error) {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Instant slot = SLOT.minus(Duration.ofMinutes(5L * (47 - i)));
            boolean down = i >= 46;
            checks.add(new Check(slot, down ? "DOWN" : "UP", down ? 20.0 : 10.0 + i % 2, down ? error : null));
        }
        var history = new ConnectionHistory(1, name, List.of(), Duration.ofSeconds(1), checks, null);
        return new AlertNotice(1, NotificationKind.FIRING, "database-down", ConditionType.DOWN, Severity.CRITICAL, name,
                "DOWN for 2 consecutive checks", SLOT.minus(Duration.ofMinutes(10)), null, List.of("dba@x.io"),
                ConnectionFacts.of(history, SLOT), null, null);
    }

    /** Answers of 10, 600 and 1500 ms in three hours, then 100 to 1200 ms in the last: p95 1145 ms, SLO 500 ms. */
    private static AlertNotice slow() {
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Instant slot = SLOT.minus(Duration.ofMinutes(5L * (47 - i)));
            double latency = i < 12 ? 10 : i < 24 ? 600 : i < 36 ? 1500 : 100.0 * (i - 35);
            checks.add(new Check(slot, latency > 500 ? "DEGRADED" : "UP", latency, null));
        }
        var history = new ConnectionHistory(1, "cache", List.of(), Duration.ofMillis(500), checks, null);
        return new AlertNotice(1, NotificationKind.FIRING, "slow", ConditionType.LATENCY, Severity.WARNING, "cache",
                "p95 latency 1145 ms over 1h is above the SLO of 500 ms", SLOT.minus(Duration.ofMinutes(10)), null,
                List.of("dba@x.io"), ConnectionFacts.of(history, SLOT), null, null);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
