package io.vigil.ops;

import static io.vigil.db.jooq.Tables.CIRCUIT_STATE;
import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;
import static io.vigil.db.jooq.Tables.VIEW_REFRESH;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alert.AlertEvaluation;
import io.vigil.alert.rule.AlertRuleSync;
import io.vigil.alert.rule.AlertsProperties;
import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import io.vigil.health.fleet.ConnectionDeclaration;
import io.vigil.health.fleet.FleetSync;
import io.vigil.rollup.DailyRollupJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.AlertFixtures;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.TestHttpServer;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * vigil fleet show on a connection with 30 days of checks, before and after the nightly refresh of the
 * health summary (dailyRollupJob, after rollupJob as the schedules run them). The summary's windows are
 * relative to the database's now(), so the checks are too.
 */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetShowCommandTest {

    @Autowired ApplicationContext spring;
    @Autowired DSLContext dsl;
    @Autowired FleetSync fleetSync;
    @Autowired AlertRuleSync ruleSync;
    @Autowired AlertEvaluation alertEvaluation;
    @Autowired SlotLauncher launcher;
    @Autowired SettableClock clock;

    private final int closedPort = TestHttpServer.closedPort();
    private Cli cli;
    private Instant now;
    private Instant firstRecentDown;
    private Instant lastCheck;
    private Instant refreshedAt;
    private Cli.Result beforeTheRefresh;

    @BeforeAll
    void thirtyDaysOfChecksThenTheNightlyRefresh() {
        cli = Cli.on(spring);
        now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        clock.set(now);
        fleetSync.sync(List.of(reportsDb()));
        ruleSync.sync(new AlertsProperties(List.of(AlertFixtures.downRule("reports-down", 2, Duration.ZERO, "critical",
                List.of("reports-db"), List.of(), "dba@example.com")), List.of(), null));
        long id = dsl.select(MONITORED_CONNECTION.ID).from(MONITORED_CONNECTION)
                .where(MONITORED_CONNECTION.NAME.eq("reports-db")).fetchOne(MONITORED_CONNECTION.ID);
        new MonthlyPartitions(dsl).ensure(PartitionedTable.HEALTH_CHECK, now.minus(Duration.ofDays(40)), 2);

        // Twenty days ago an outage, three days ago twelve slow answers.
        for (int i = 0; i < 6; i++) {
            check(id, now.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(5L * i)), "DOWN", null, "old outage");
        }
        for (int i = 0; i < 12; i++) {
            check(id, now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(5L * i)), "UP", 900.0, null);
        }
        // The last two hours: ten answers (nine in 20 ms, one in 500), five failures, three skipped checks
        // while the circuit was open, two more failures.
        Instant slot = now.minus(Duration.ofHours(2));
        for (int i = 0; i < 10; i++, slot = slot.plus(Duration.ofMinutes(5))) {
            check(id, slot, "UP", i == 9 ? 500.0 : 20.0, null);
        }
        firstRecentDown = slot;
        for (int i = 0; i < 5; i++, slot = slot.plus(Duration.ofMinutes(5))) {
            check(id, slot, "DOWN", null, "connection refused by 127.0.0.1:" + closedPort);
        }
        for (int i = 0; i < 3; i++, slot = slot.plus(Duration.ofMinutes(5))) {
            check(id, slot, "SKIPPED", null, null);
        }
        for (int i = 0; i < 2; i++, slot = slot.plus(Duration.ofMinutes(5))) {
            check(id, slot, "DOWN", null, "connection refused by 127.0.0.1:" + closedPort);
        }
        lastCheck = slot.minus(Duration.ofMinutes(5));
        snapshot(id, now.minus(Duration.ofDays(3)), 1024L, "");
        // As the writer stores a snapshot after one of the same run: the ratio over the five minutes between.
        snapshot(id, lastCheck, 7_708_007L, """
                "rates": {"blks_hit": 2000.0, "blks_read": 2.5, "intervalSeconds": 300.0},
                "ratesSince": "previous snapshot at 2026-11-23T09:55:02Z",""");
        dsl.insertInto(CIRCUIT_STATE)
                .set(CIRCUIT_STATE.CONNECTION_ID, id)
                .set(CIRCUIT_STATE.STATE, "OPEN")
                .set(CIRCUIT_STATE.CONSECUTIVE_FAILURES, 4)
                .set(CIRCUIT_STATE.OPENED_AT, firstRecentDown.plus(Duration.ofMinutes(10)))
                .set(CIRCUIT_STATE.NEXT_ATTEMPT_AT, now.plus(Duration.ofMinutes(20)))
                .set(CIRCUIT_STATE.LAST_SLOT, lastCheck)
                .set(CIRCUIT_STATE.UPDATED_AT, lastCheck)
                .execute();
        assertThat(cli.run("silence", "add", "--connection", "reports-db", "--for", "6h", "--comment", "migration",
                "--author", "test").exitCode()).isZero();
        alertEvaluation.evaluate(lastCheck);

        beforeTheRefresh = cli.run("fleet", "show", "reports-db");

        Launches.completed(launcher.launch(RollupJobConfiguration.JOB, Slot.of(now), "test"));
        Launches.completed(launcher.launch(DailyRollupJobConfiguration.JOB, Slot.of(now), "test"));
        refreshedAt = dsl.select(VIEW_REFRESH.REFRESHED_AT).from(VIEW_REFRESH)
                .where(VIEW_REFRESH.VIEW_NAME.eq("connection_health_summary")).fetchOne(VIEW_REFRESH.REFRESHED_AT);
        fleetSync.sync(List.of(reportsDb(), AlertFixtures.http("added-later", "http://127.0.0.1:" + closedPort + "/")));
        clock.set(refreshedAt.plus(Duration.ofMinutes(150)));
    }

    @Test
    void showsAvailabilityFromTheSummaryWithTheLatestStatsCircuitChangesAndAlerts() {
        Cli.Result result = cli.run("fleet", "show", "reports-db");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String refused = "connection refused by 127.0.0.1:" + closedPort;
        assertThat(result.out()).startsWith("reports-db: POSTGRESQL at 127.0.0.1:" + closedPort + "/reports, tags prod, reports\n"
                + "  last check            DOWN at " + Table.text(lastCheck.plusSeconds(1)) + ": " + refused + "\n"
                + "  circuit               open since " + Table.text(firstRecentDown.plus(Duration.ofMinutes(10)))
                + " after 4 failures in a row; next full probe at " + Table.text(now.plus(Duration.ofMinutes(20))) + "\n"
                + "\n"
                + "availability, from the health summary of " + Table.text(refreshedAt) + " (2.5 h ago):\n"
                // 10 of 17 real checks, 22 of 29 with the slow day, 22 of 35 with the old outage.
                + "  58.8% of 17 checks over the last 24 hours (3 skipped, not counted); p95 latency 284 ms\n"
                + "  75.9% of 29 checks over the last 7 days (3 skipped, not counted); p95 latency 900 ms\n"
                + "  62.9% of 35 checks over the last 30 days (3 skipped, not counted); p95 latency 900 ms\n"
                + "\n"
                + "stats, from the snapshot of " + Table.text(lastCheck.plusSeconds(2)) + ":\n"
                + "  server version        17.2\n"
                + "  connections           12 of 100\n"
                + "  cache hit ratio       99.9% over the last 5 min\n"
                + "  database size         7.4 MB\n"
                + "  longest transaction   3 min\n"
                + "  counter rates         blks_hit 2000/s, blks_read 2.5/s over the last 5 min\n"
                + "  most dead tuples      public.orders 1200, public.items 30\n"
                + "  indexes never scanned public.orders_note_idx on orders\n"
                + "\n"
                + "status changes, newest first:\n");
        // DOWN, three SKIPPED, DOWN is no change: a skipped check measured nothing.
        assertThat(result.out()).containsPattern("(?m)^  TIME +FROM +TO +ERROR\n"
                + "  " + Table.text(firstRecentDown.plusSeconds(1)) + " +UP +DOWN +" + refused + "\n"
                + "  " + Table.text(now.minus(Duration.ofDays(3)).plusSeconds(1)) + " +DOWN +UP +-\n"
                + "\n"
                + "active alerts:\n"
                + "  ID +STATE +SEVERITY +RULE +SINCE +SILENCED +DESCRIPTION\n"
                // Since the evaluation that found the condition holding, as vigil alerts list says.
                + "  \\d+ +FIRING +CRITICAL +reports-down +" + Table.text(lastCheck)
                + " +yes +DOWN for 2 consecutive checks\n\\z");
    }

    @Test
    void beforeTheNightlyRefreshItSaysSoAndHowToRefreshInsteadOfPrintingZeros() {
        assertThat(beforeTheRefresh.exitCode()).as(beforeTheRefresh.toString()).isZero();
        assertThat(beforeTheRefresh.out())
                .contains("\navailability: not computed yet, the health summary has never been refreshed.\n"
                        + "  dailyRollupJob refreshes it nightly; to refresh it now: vigil jobs launch dailyRollupJob "
                        + "--slot " + Table.text(now) + "\n\nstats, from the snapshot of ")
                .doesNotContain("0.0%");
    }

    @Test
    void aConnectionAddedAfterTheRefreshIsNotInTheSummaryYet() {
        Cli.Result result = cli.run("fleet", "show", "added-later");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Instant readAt = refreshedAt.plus(Duration.ofMinutes(150));
        assertThat(result.out()).isEqualTo("added-later: HTTP at http://127.0.0.1:" + closedPort + "/\n"
                + "  last check            never checked\n"
                + "  circuit               closed\n"
                + "\n"
                + "availability: added-later is not in the health summary of " + Table.text(refreshedAt)
                + " (2.5 h ago) (it was added since).\n"
                + "  dailyRollupJob refreshes it nightly; to refresh it now: vigil jobs launch dailyRollupJob --slot "
                + Table.text(readAt.truncatedTo(ChronoUnit.MINUTES)) + "\n"
                + "\n"
                + "stats: none yet (each successful probe of PostgreSQL, MySQL or Redis takes a snapshot)\n"
                + "\n"
                + "status changes: none\n"
                + "\n"
                + "active alerts: none\n");
    }

    @Test
    void anUnknownNameFailsNamingTheKnownOnes() {
        Cli.Result result = cli.run("fleet", "show", "reports");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("vigil: no connection named 'reports': known connections are added-later, reports-db\n");
    }

    @Test
    void jsonIsOneObjectWithTheSameContent() {
        Cli.Result result = cli.run("fleet", "show", "reports-db", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode shown = JsonMapper.builder().build().readTree(result.out());
        assertThat(shown.get("connection").get("name").asString()).isEqualTo("reports-db");
        assertThat(shown.get("connection").get("lastStatus").asString()).isEqualTo("DOWN");
        assertThat(shown.get("circuit").get("state").asString()).isEqualTo("OPEN");
        assertThat(shown.get("circuit").get("consecutiveFailures").asInt()).isEqualTo(4);
        JsonNode summary = shown.get("summary");
        assertThat(Instant.parse(summary.get("refreshedAt").asString())).isEqualTo(refreshedAt);
        JsonNode day = summary.get("windows").get(0);
        assertThat(day.get("period").asString()).isEqualTo("24h");
        assertThat(day.get("availabilityPercent").asDouble()).isCloseTo(100.0 * 10 / 17, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(day.get("checks").asLong()).isEqualTo(17);
        assertThat(day.get("skipped").asLong()).isEqualTo(3);
        assertThat(summary.get("windows").valueStream().map(w -> w.get("period").asString()))
                .containsExactly("24h", "7d", "30d");
        assertThat(shown.get("stats").get("stats").get("databaseSizeBytes").asLong()).isEqualTo(7_708_007L);
        assertThat(shown.get("statusChanges").valueStream().map(c -> c.get("from").asString() + ">" + c.get("to").asString()))
                .containsExactly("UP>DOWN", "DOWN>UP");
        assertThat(shown.get("activeAlerts").get(0).get("rule").asString()).isEqualTo("reports-down");
        assertThat(shown.get("activeAlerts").get(0).get("silenced").asBoolean()).isTrue();
    }

    private ConnectionDeclaration reportsDb() {
        return new ConnectionDeclaration("reports-db", "postgresql", "127.0.0.1:" + closedPort + "/reports", "postgres",
                null, Duration.ofSeconds(2), Duration.ofSeconds(1), List.of("prod", "reports"), true);
    }

    private void check(long connection, Instant slot, String status, Double latency, String error) {
        dsl.insertInto(HEALTH_CHECK, HEALTH_CHECK.CONNECTION_ID, HEALTH_CHECK.SLOT, HEALTH_CHECK.CHECKED_AT,
                        HEALTH_CHECK.STATUS, HEALTH_CHECK.LATENCY_MS, HEALTH_CHECK.ERROR_MESSAGE)
                .values(connection, slot, slot.plusSeconds(1), status, latency, error)
                .execute();
    }

    private void snapshot(long connection, Instant slot, long databaseSize, String rates) {
        dsl.insertInto(DB_STATS_SNAPSHOT)
                .set(DB_STATS_SNAPSHOT.CONNECTION_ID, connection)
                .set(DB_STATS_SNAPSHOT.SLOT, slot)
                .set(DB_STATS_SNAPSHOT.TAKEN_AT, slot.plusSeconds(2))
                .set(DB_STATS_SNAPSHOT.SERVER_VERSION, "17.2")
                .set(DB_STATS_SNAPSHOT.CONNECTIONS_USED, 12)
                .set(DB_STATS_SNAPSHOT.CONNECTIONS_MAX, 100)
                .set(DB_STATS_SNAPSHOT.CACHE_HIT_RATIO, 0.9987)
                .set(DB_STATS_SNAPSHOT.DATABASE_SIZE_BYTES, databaseSize)
                .set(DB_STATS_SNAPSHOT.LONGEST_TRANSACTION_SECONDS, 185.0)
                .set(DB_STATS_SNAPSHOT.DETAILS, JSONB.valueOf("{" + rates + """
                        "deadTuples": [{"schema": "public", "table": "orders", "deadTuples": 1200},
                                        {"schema": "public", "table": "items", "deadTuples": 30}],
                         "unusedIndexes": [{"schema": "public", "table": "orders", "index": "orders_note_idx"}]}"""))
                .execute();
    }
}
