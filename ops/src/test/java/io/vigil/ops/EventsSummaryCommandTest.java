package io.vigil.ops;

import static io.vigil.db.jooq.Tables.VIEW_REFRESH;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.rollup.DailyRollupJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.VigilSpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * vigil events summary over imported events, before and after the nightly refresh of the event summary
 * (rollupJob, then dailyRollupJob, as the schedules run them).
 */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsSummaryCommandTest {

    @Autowired ApplicationContext spring;
    @Autowired DSLContext dsl;
    @Autowired SlotLauncher launcher;
    @Autowired SettableClock clock;

    private Cli cli;
    private Instant now;
    private Instant refreshedAt;
    private Cli.Result beforeTheRefresh;

    @BeforeAll
    void importEventsThenRefresh(@TempDir Path dir) throws IOException {
        cli = Cli.on(spring);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        Path file = Files.write(dir.resolve("events.jsonl"), List.of(
                event(daysAgo(12), "shop", "view", null, null),
                event(daysAgo(2), "shop", "view", null, null),
                event(daysAgo(2), "shop", "buy", 10.5, "SUCCESS"),
                event(daysAgo(2), "shop", "buy", 4.5, "FAILURE"),
                event(daysAgo(1), "billing", "invoice", null, "FAILURE"),
                event(daysAgo(1), "billing", "invoice", 100.0, "SUCCESS"),
                event(now.minusSeconds(60), "shop", "view", null, null)));
        assertThat(cli.run("events", "import", file.toString()).exitCode()).isZero();

        beforeTheRefresh = cli.run("events", "summary");

        Launches.completed(launcher.launch(RollupJobConfiguration.JOB, Slot.of(now), "test"));
        Launches.completed(launcher.launch(DailyRollupJobConfiguration.JOB, Slot.of(now), "test"));
        refreshedAt = dsl.select(VIEW_REFRESH.REFRESHED_AT).from(VIEW_REFRESH)
                .where(VIEW_REFRESH.VIEW_NAME.eq("event_daily_summary")).fetchOne(VIEW_REFRESH.REFRESHED_AT);
        clock.set(refreshedAt.plus(Duration.ofMinutes(90)));
    }

    @Test
    void perDayAndSourceNewestFirstAsOfTheRefresh() {
        Cli.Result result = cli.run("events", "summary");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("events from " + today().minusDays(6) + " to " + today()
                + " (UTC days), from the event summary of " + Table.text(refreshedAt) + " (1.5 h ago):\n"
                + Table.of("DAY", "SOURCE", "EVENTS", "FAILURES", "FAILURE RATE", "TYPES", "VALUE SUM")
                        .row(day(now.minusSeconds(60)), "shop", 1, 0, "0.0%", 1, null)
                        .row(day(daysAgo(1)), "billing", 2, 1, "50.0%", 1, "100")
                        .row(day(daysAgo(2)), "shop", 3, 1, "33.3%", 2, "15")
                        .render());
    }

    @Test
    void sourceAndDaysNarrowOrWidenIt() {
        Cli.Result billing = cli.run("events", "summary", "--source", "billing");
        assertThat(billing.exitCode()).as(billing.toString()).isZero();
        assertThat(billing.out().lines().skip(1).toList()).hasSize(2)
                .last().asString().startsWith(day(daysAgo(1)) + "  billing");
        assertThat(billing.out()).startsWith("events of billing from ");

        Cli.Result fortnight = cli.run("events", "summary", "--days", "14", "--source", "shop");
        assertThat(fortnight.out().lines().skip(2).map(line -> line.substring(0, 10)).toList())
                .containsExactly(day(now.minusSeconds(60)), day(daysAgo(2)), day(daysAgo(12)));

        Cli.Result none = cli.run("events", "summary", "--source", "nobody");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).isEqualTo("no events of nobody from " + today().minusDays(6) + " to " + today()
                + " (UTC days) in the event summary of " + Table.text(refreshedAt) + " (1.5 h ago)\n");
    }

    @Test
    void beforeTheNightlyRefreshItSaysSoAndHowToRefresh() {
        assertThat(beforeTheRefresh.exitCode()).as(beforeTheRefresh.toString()).isZero();
        assertThat(beforeTheRefresh.out()).isEqualTo("no event summary yet: it has never been refreshed.\n"
                + "  dailyRollupJob refreshes it nightly; to refresh it now: vigil jobs launch dailyRollupJob --slot "
                + Table.text(now.truncatedTo(ChronoUnit.MINUTES)) + "\n");
    }

    @Test
    void jsonHasTheDaysAndTheRefreshTime() {
        Cli.Result result = cli.run("events", "summary", "--json", "--source", "shop");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode summary = JsonMapper.builder().build().readTree(result.out());
        assertThat(Instant.parse(summary.get("refreshedAt").asString())).isEqualTo(refreshedAt);
        assertThat(summary.get("source").asString()).isEqualTo("shop");
        JsonNode buys = summary.get("days").get(1);
        assertThat(buys.get("day").asString()).isEqualTo(day(daysAgo(2)));
        assertThat(buys.get("events").asLong()).isEqualTo(3);
        assertThat(buys.get("failures").asLong()).isEqualTo(1);
        assertThat(buys.get("types").asLong()).isEqualTo(2);
        assertThat(buys.get("valueSum").asDouble()).isEqualTo(15.0);
    }

    @Test
    void daysOutsideOneToAYearAreAUsageErrorThatStartsNothing() {
        for (String days : List.of("0", "367", "-3")) {
            Cli.Result result = Cli.withoutSpring().run("events", "summary", "--days", days);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).startsWith("vigil: --days must be 1 to 366, not " + days + "\n");
        }
        Cli.Result word = Cli.withoutSpring().run("events", "summary", "--days", "week");
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).contains("'week' is not an int");
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static String event(Instant at, String source, String type, Double value, String outcome) {
        return "{\"occurred_at\":\"" + at + "\",\"source\":\"" + source + "\",\"type\":\"" + type + "\""
                + (value == null ? "" : ",\"value\":" + value)
                + (outcome == null ? "" : ",\"outcome\":\"" + outcome + "\"") + "}";
    }
}
