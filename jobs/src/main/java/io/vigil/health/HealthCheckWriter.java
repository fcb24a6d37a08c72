package io.vigil.health;

import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static io.vigil.db.jooq.Tables.HEALTH_CHECK;
import static org.jooq.impl.DSL.excluded;

import io.vigil.db.jooq.tables.records.DbStatsSnapshotRecord;
import io.vigil.db.jooq.tables.records.HealthCheckRecord;
import io.vigil.health.probe.DbStats;
import io.vigil.health.rates.CounterSample;
import io.vigil.health.rates.IntervalFigures;
import io.vigil.health.status.HealthStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.JSONB;
import org.jooq.Query;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a chunk of checks, their stats and their circuits in the chunk's transaction. Every write is an
 * upsert on the natural key (connection, slot), so writing a slot again replaces rather than adds. What
 * changed (a connection's status, a circuit) is logged once the chunk commits. A snapshot's hit ratios are
 * over the interval since the connection's previous snapshot ({@link IntervalFigures}).
 */
public class HealthCheckWriter implements ItemWriter<HealthCheckResult> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;
    private final LimitedVisibilityLog visibility;
    private final CircuitRepository circuits;
    private final PreviousStatuses previousStatuses;
    private final PreviousSnapshots previousSnapshots;
    private final Clock clock;
    private final Instant slot;
    private final Long jobExecutionId;

    public HealthCheckWriter(DSLContext dsl, CircuitRepository circuits, PreviousStatuses previousStatuses,
                             PreviousSnapshots previousSnapshots, LimitedVisibilityLog visibility, Clock clock,
                             Instant slot, Long jobExecutionId) {
        this.dsl = dsl;
        this.visibility = visibility;
        this.circuits = circuits;
        this.previousStatuses = previousStatuses;
        this.previousSnapshots = previousSnapshots;
        this.clock = clock;
        this.slot = slot;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public void write(Chunk<? extends HealthCheckResult> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<HealthCheckRecord> checks = new ArrayList<>();
        List<DbStatsSnapshotRecord> snapshots = new ArrayList<>();
        List<Query> circuitUpdates = new ArrayList<>();
        Instant now = clock.instant();
        Map<Long, HealthStatus> previous = previousStatuses.before(
                chunk.getItems().stream().map(HealthCheckResult::connectionId).toList(), slot);
        Map<Long, CounterSample> previousCounters = previousCounters(chunk);
        for (HealthCheckResult result : chunk) {
            checks.add(check(result));
            if (result.stats() != null) {
                snapshots.add(snapshot(result, previousCounters.get(result.connectionId())));
            }
            if (result.circuitAfter() != null) {
                circuitUpdates.add(circuits.save(result.connectionId(), result.circuitAfter(), slot, now));
            }
        }
        var insertChecks = dsl.insertInto(HEALTH_CHECK, HEALTH_CHECK.fields()).valuesOfRecords(checks);
        insertChecks.onConflict(HEALTH_CHECK.CONNECTION_ID, HEALTH_CHECK.SLOT)
                .doUpdate()
                .set(HEALTH_CHECK.CHECKED_AT, excluded(HEALTH_CHECK.CHECKED_AT))
                .set(HEALTH_CHECK.STATUS, excluded(HEALTH_CHECK.STATUS))
                .set(HEALTH_CHECK.LATENCY_MS, excluded(HEALTH_CHECK.LATENCY_MS))
                .set(HEALTH_CHECK.ERROR_CLASS, excluded(HEALTH_CHECK.ERROR_CLASS))
                .set(HEALTH_CHECK.ERROR_MESSAGE, excluded(HEALTH_CHECK.ERROR_MESSAGE))
                .set(HEALTH_CHECK.DETAILS, excluded(HEALTH_CHECK.DETAILS))
                .set(HEALTH_CHECK.JOB_EXECUTION_ID, excluded(HEALTH_CHECK.JOB_EXECUTION_ID))
                .execute();
        if (!snapshots.isEmpty()) {
            var insertSnapshots = dsl.insertInto(DB_STATS_SNAPSHOT, DB_STATS_SNAPSHOT.fields()).valuesOfRecords(snapshots);
            var upsert = insertSnapshots.onConflict(DB_STATS_SNAPSHOT.CONNECTION_ID, DB_STATS_SNAPSHOT.SLOT).doUpdate()
                    .set(DB_STATS_SNAPSHOT.TAKEN_AT, excluded(DB_STATS_SNAPSHOT.TAKEN_AT));
            for (var field : DB_STATS_SNAPSHOT.fields()) {
                if (!DB_STATS_SNAPSHOT.getPrimaryKey().getFields().contains(field)) {
                    upsert = setExcluded(upsert, field);
                }
            }
            upsert.execute();
        }
        if (!circuitUpdates.isEmpty()) {
            dsl.batch(circuitUpdates).execute();
        }
        HealthChangeLog.onCommit(chunk.getItems(), previous);
        visibility.onCommit(chunk.getItems());
    }

    private Map<Long, CounterSample> previousCounters(Chunk<? extends HealthCheckResult> chunk) {
        List<Long> withStats = chunk.getItems().stream().filter(r -> r.stats() != null)
                .map(HealthCheckResult::connectionId).toList();
        return withStats.isEmpty() ? Map.of() : previousSnapshots.before(withStats, slot);
    }

    private static <T> InsertOnDuplicateSetMoreStep<DbStatsSnapshotRecord> setExcluded(
            InsertOnDuplicateSetMoreStep<DbStatsSnapshotRecord> step, Field<T> field) {
        return step.set(field, excluded(field));
    }

    private HealthCheckRecord check(HealthCheckResult result) {
        return new HealthCheckRecord(result.connectionId(), slot, result.checkedAt(), result.status().name(),
                result.latencyMs(), result.errorClass(), result.errorMessage(), jsonb(result.details()), jobExecutionId);
    }

    private DbStatsSnapshotRecord snapshot(HealthCheckResult result, CounterSample previous) {
        DbStats s = IntervalFigures.apply(result.stats(), result.checkedAt(), previous);
        return new DbStatsSnapshotRecord(result.connectionId(), slot, result.checkedAt(),
                s.serverVersion(), s.connectionsUsed(), s.connectionsMax(), s.cacheHitRatio(), s.databaseSizeBytes(),
                s.longestTransactionSeconds(), s.memoryUsedBytes(), s.memoryMaxBytes(), s.keyspaceHitRate(),
                jsonb(s.details()), s.serverStartedAt(), s.replicationLagSeconds(), jsonb(s.counters()));
    }

    private JSONB jsonb(Map<String, ?> values) {
        return values == null || values.isEmpty() ? null : JSONB.valueOf(JSON.writeValueAsString(values));
    }
}
