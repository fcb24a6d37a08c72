package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import io.vigil.database.ViewRefreshes;
import io.vigil.testing.EmbeddedPostgresExtension;
import io.vigil.testing.EventData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * connection_health_summary over 24 h, 7 and 30 days, with exact expected values; the first refresh is
 * a plain one (the view was never populated), the next ones CONCURRENTLY. The windows are relative to
 * the database's now(), so the checks are too.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class MaterializedViewsTest {

    @Test
    void healthSummaryPerPeriod(DSLContext dsl) {
        long connection = new EventData(dsl, 1).connections(1).getFirst();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        new MonthlyPartitions(dsl).ensure(PartitionedTable.HEALTH_CHECK, now.minus(Duration.ofDays(40)), 2);
        // Last two hours: latencies 1..20 ms UP, then 2 DOWN, then 2 SKIPPED (the latest).
        Instant slot = now.minus(Duration.ofHours(2));
        for (int i = 1; i <= 20; i++, slot = slot.plus(Duration.ofMinutes(5))) {
            check(dsl, connection, slot, "UP", (double) i, null);
        }
        check(dsl, connection, slot, "DOWN", null, "refused early");
        slot = slot.plus(Duration.ofMinutes(5));
        Instant lastFailure = slot;
        check(dsl, connection, lastFailure, "DOWN", null, "refused late");
        check(dsl, connection, slot.plus(Duration.ofMinutes(5)), "SKIPPED", null, null);
        check(dsl, connection, slot.plus(Duration.ofMinutes(10)), "SKIPPED", null, null);
        // Three days ago: ten slow checks.
        for (int i = 0; i < 10; i++) {
            check(dsl, connection, now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(5L * i)), "DEGRADED", 900.0, null);
        }
        // Twenty days ago: five failures.
        for (int i = 0; i < 5; i++) {
            check(dsl, connection, now.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(5L * i)), "DOWN", null, "old");
        }
        long changes = dsl.select(org.jooq.impl.DSL.max(HEALTH_CHECK_CHANGE.CHANGE_ID)).from(HEALTH_CHECK_CHANGE)
                .fetchOne().value1();
        new HealthHourlyFold(dsl).fold(new FoldWindow(0, changes));

        MaterializedViews views = new MaterializedViews(dsl);
        assertThat(ViewRefreshes.of(dsl, "connection_health_summary")).isEqualTo(new ViewRefreshes.Refresh(false, null));
        views.refresh("connection_health_summary");
        Instant before = dsl.fetchValue(DSL.currentInstant());
        views.refresh("connection_health_summary"); // populated now: CONCURRENTLY
        Instant after = dsl.fetchValue(DSL.currentInstant());

        List<Record> rows = dsl.resultQuery("""
                SELECT period, checks, skipped, availability, latency_p95_ms, last_status, last_checked_at,
                       last_failure_at, last_failure_message
                FROM vigil.connection_health_summary ORDER BY checks""").fetch();
        assertThat(rows).extracting(r -> r.get("period")).containsExactly("24h", "7d", "30d");
        assertThat(rows).extracting(r -> r.get("checks", Long.class)).containsExactly(24L, 34L, 39L);
        assertThat(rows).extracting(r -> r.get("skipped", Long.class)).containsExactly(2L, 2L, 2L);
        assertThat(rows).extracting(r -> r.get("availability", Double.class)).containsExactly(20.0 / 22, 30.0 / 32, 30.0 / 37);
        // percentile_cont(0.95) of 1..20 is 19 + 0.05 * (20 - 19); with ten 900s, the top five percent are 900.
        assertThat(rows).extracting(r -> r.get("latency_p95_ms", Double.class)).containsExactly(19.05, 900.0, 900.0);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("last_status")).isEqualTo("SKIPPED");
            assertThat(r.get("last_failure_at", Instant.class))
                    .isEqualTo(lastFailure.plusSeconds(1));
            assertThat(r.get("last_failure_message")).isEqualTo("refused late");
        });
        assertThat(dsl.resultQuery("SELECT relispopulated FROM pg_class WHERE oid = 'vigil.connection_health_summary'::regclass")
                .fetchOne(0, Boolean.class)).isTrue();
        ViewRefreshes.Refresh refresh = ViewRefreshes.of(dsl, "connection_health_summary");
        assertThat(refresh.populated()).isTrue();
        assertThat(refresh.refreshedAt()).as("the last refresh's now()").isBetween(before, after);
        assertThat(ViewRefreshes.of(dsl, "event_daily_summary")).isEqualTo(new ViewRefreshes.Refresh(false, null));
    }

    @Test
    void onlyVigilsViewsCanBeRefreshed(DSLContext dsl) {
        assertThatThrownBy(() -> new MaterializedViews(dsl).refresh("pg_class"))
                .hasMessage("unknown materialised view 'pg_class': known are [connection_health_summary, event_daily_summary]");
    }

    private static void check(DSLContext dsl, long connection, Instant slot, String status, Double latency, String error) {
        dsl.insertInto(HEALTH_CHECK, HEALTH_CHECK.CONNECTION_ID, HEALTH_CHECK.SLOT, HEALTH_CHECK.CHECKED_AT,
                        HEALTH_CHECK.STATUS, HEALTH_CHECK.LATENCY_MS, HEALTH_CHECK.ERROR_MESSAGE)
                .values(connection, slot, slot.plusSeconds(1), status, latency, error)
                .execute();
    }
}
