package io.vigil.health.fleet;

import static io.vigil.db.jooq.Tables.CIRCUIT_STATE;
import static io.vigil.db.jooq.Tables.CONNECTION_HEALTH_SUMMARY;
import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;

import io.vigil.database.ViewRefreshes;
import io.vigil.db.jooq.tables.records.DbStatsSnapshotRecord;
import io.vigil.health.fleet.ConnectionDetail.Circuit;
import io.vigil.health.fleet.ConnectionDetail.Snapshot;
import io.vigil.health.fleet.ConnectionDetail.StatusChange;
import io.vigil.health.fleet.ConnectionDetail.Summary;
import io.vigil.health.fleet.ConnectionDetail.Window;
import io.vigil.health.probe.DbStats;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Everything Vigil knows about one connection, for {@code vigil fleet show}. */
public class ConnectionDetailQuery {

    static final int STATUS_CHANGES = 10;

    /** The periods of connection_health_summary, as its definition names them. */
    static final Map<String, Duration> PERIODS = Map.of(
            "24h", Duration.ofHours(24), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));


    private final DSLContext dsl;
    private final Clock clock;
    private final FleetQueries fleet;

    public ConnectionDetailQuery(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.fleet = new FleetQueries(dsl);
    }

    /** The connection named {@code name}; an unknown name is an error that lists the known ones. */
    public ConnectionDetail show(String name) {
        Long id = dsl.select(MONITORED_CONNECTION.ID).from(MONITORED_CONNECTION)
                .where(MONITORED_CONNECTION.NAME.eq(name))
                .fetchOne(MONITORED_CONNECTION.ID);
        if (id == null) {
            throw new IllegalArgumentException(unknown(name));
        }
        FleetStatus status = fleet.statuses(MONITORED_CONNECTION.ID.eq(id)).getFirst();
        return new ConnectionDetail(status, circuit(id), summary(id), snapshot(id), statusChanges(id),
                oldestRealCheck(id), clock.instant());
    }

    private String unknown(String name) {
        List<String> known = dsl.select(MONITORED_CONNECTION.NAME).from(MONITORED_CONNECTION)
                .orderBy(MONITORED_CONNECTION.NAME)
                .fetch(MONITORED_CONNECTION.NAME);
        return "no connection named '" + name + "': known connections are "
                + (known.isEmpty() ? "(none: declare them under vigil.fleet.connections)" : String.join(", ", known));
    }

    private Circuit circuit(long id) {
        return dsl.selectFrom(CIRCUIT_STATE).where(CIRCUIT_STATE.CONNECTION_ID.eq(id))
                .fetchOptional(r -> new Circuit(r.getState(), r.getConsecutiveFailures(), r.getOpenedAt(),
                        r.getNextAttemptAt()))
                .orElse(new Circuit("CLOSED", 0, null, null));
    }

    private Summary summary(long id) {
        ViewRefreshes.Refresh refresh = ViewRefreshes.of(dsl, CONNECTION_HEALTH_SUMMARY.getName());
        if (!refresh.populated()) {
            return new Summary(false, refresh.refreshedAt(), List.of());
        }
        var s = CONNECTION_HEALTH_SUMMARY;
        List<Window> windows = dsl.select(s.PERIOD, s.AVAILABILITY, s.CHECKS, s.SKIPPED, s.LATENCY_P95_MS)
                .from(s)
                .where(s.CONNECTION_ID.eq(id))
                .fetch(r -> {
                    long skipped = count(r.value4());
                    return new Window(r.value1(), PERIODS.get(r.value1()),
                            r.value2() == null ? null : 100 * r.value2(), count(r.value3()) - skipped, skipped,
                            r.value5());
                })
                .stream()
                .filter(w -> w.span() != null)
                .sorted(Comparator.comparing(Window::span))
                .toList();
        return new Summary(true, refresh.refreshedAt(), windows);
    }

    // The view's counts are sums of bigints, which PostgreSQL makes numeric.
    private static long count(BigDecimal value) {
        return value == null ? 0 : value.longValueExact();
    }

    private Snapshot snapshot(long id) {
        return dsl.selectFrom(DB_STATS_SNAPSHOT)
                .where(DB_STATS_SNAPSHOT.CONNECTION_ID.eq(id))
                .orderBy(DB_STATS_SNAPSHOT.SLOT.desc())
                .limit(1)
                .fetchOptional(r -> new Snapshot(r.getSlot(), r.getTakenAt(), stats(r)))
                .orElse(null);
    }

    private static DbStats stats(DbStatsSnapshotRecord r) {
        Map<String, Object> details = SnapshotDetails.of(r.getDetails());
        return new DbStats(r.getServerVersion(), r.getConnectionsUsed(), r.getConnectionsMax(), r.getCacheHitRatio(),
                r.getDatabaseSizeBytes(), r.getLongestTransactionSeconds(), r.getMemoryUsedBytes(),
                r.getMemoryMaxBytes(), r.getKeyspaceHitRate(), r.getServerStartedAt(), r.getReplicationLagSeconds(),
                SnapshotDetails.counters(r.getCounters()), details);
    }

    /**
     * Changes between consecutive real checks. A SKIPPED check (its circuit open, the quick probe unanswered)
     * measured nothing, so DOWN, SKIPPED, DOWN is no change.
     */
    private List<StatusChange> statusChanges(long id) {
        Field<String> previous = DSL.lag(HEALTH_CHECK.STATUS).over(DSL.orderBy(HEALTH_CHECK.SLOT)).as("previous");
        var real = DSL.select(HEALTH_CHECK.SLOT, HEALTH_CHECK.CHECKED_AT, HEALTH_CHECK.STATUS, HEALTH_CHECK.ERROR_MESSAGE,
                        previous)
                .from(HEALTH_CHECK)
                .where(HEALTH_CHECK.CONNECTION_ID.eq(id), HEALTH_CHECK.STATUS.ne("SKIPPED"))
                .asTable("real_check");
        Field<String> before = real.field(previous);
        Field<String> after = real.field(HEALTH_CHECK.STATUS);
        return dsl.select(real.field(HEALTH_CHECK.CHECKED_AT), before, after, real.field(HEALTH_CHECK.ERROR_MESSAGE))
                .from(real)
                .where(before.isNotNull(), before.ne(after))
                .orderBy(real.field(HEALTH_CHECK.SLOT).desc())
                .limit(STATUS_CHANGES)
                .fetch(r -> new StatusChange(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private Instant oldestRealCheck(long id) {
        return dsl.select(DSL.min(HEALTH_CHECK.CHECKED_AT)).from(HEALTH_CHECK)
                .where(HEALTH_CHECK.CONNECTION_ID.eq(id), HEALTH_CHECK.STATUS.ne("SKIPPED"))
                .fetchOne(0, Instant.class);
    }
}
