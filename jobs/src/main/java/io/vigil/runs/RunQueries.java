package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION_PARAMS;
import static io.vigil.db.jooq.Tables.BATCH_JOB_INSTANCE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads the job repository for operators: which runs there were, what happened in one, and the nodes. */
public class RunQueries {

    private final DSLContext dsl;
    private final RunDetailQuery details;
    private final NodeRegistry nodes;
    private final RunRecoveries recoveries;
    private final Clock clock;
    private final Duration staleAfter;
    private final ZoneId batchZone;

    /** @param batchZone the zone of Spring Batch's timestamps (it writes the JVM's local time, without a zone) */
    public RunQueries(DSLContext dsl, Clock clock, Duration staleAfter, ZoneId batchZone) {
        this.dsl = dsl;
        this.details = new RunDetailQuery(dsl, batchZone);
        this.nodes = new NodeRegistry(dsl);
        this.recoveries = new RunRecoveries(dsl);
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.batchZone = batchZone;
    }

    /** The cluster's nodes, alive or stale by {@code vigil.node.stale-after}, with the runs each owns. */
    public List<NodeStatus> nodes() {
        return nodes.statuses(clock.instant(), staleAfter);
    }

    /** Newest first. {@code status} and {@code job} are optional filters. */
    public List<RunSummary> list(String status, String job, int limit) {
        var slot = BATCH_JOB_EXECUTION_PARAMS.as("slot");
        Condition condition = DSL.noCondition();
        if (status != null) {
            condition = condition.and(BATCH_JOB_EXECUTION.STATUS.eq(status));
        }
        if (job != null) {
            condition = condition.and(BATCH_JOB_INSTANCE.JOB_NAME.eq(job));
        }
        return dsl.select(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID, BATCH_JOB_INSTANCE.JOB_NAME, slot.PARAMETER_VALUE,
                        BATCH_JOB_EXECUTION.STATUS, BATCH_JOB_EXECUTION.START_TIME, BATCH_JOB_EXECUTION.END_TIME,
                        BATCH_JOB_EXECUTION.EXIT_CODE)
                .from(BATCH_JOB_EXECUTION)
                .join(BATCH_JOB_INSTANCE).on(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID.eq(BATCH_JOB_EXECUTION.JOB_INSTANCE_ID))
                .leftJoin(slot).on(slot.JOB_EXECUTION_ID.eq(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID)
                        .and(slot.PARAMETER_NAME.eq(Slot.PARAMETER)))
                .where(condition)
                .orderBy(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.desc())
                .limit(limit)
                .fetch(r -> new RunSummary(r.value1(), r.value2(), r.value3(), r.value4(), instant(r.value5()),
                        instant(r.value6()), r.value7()));
    }

    public Optional<RunDetail> show(long id) {
        return details.find(id, nodes.ownerOf(id).orElse(null), recoveries.find(id).orElse(null));
    }

    private Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(batchZone).toInstant();
    }
}
