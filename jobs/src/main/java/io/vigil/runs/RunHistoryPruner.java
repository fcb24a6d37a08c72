package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION_CONTEXT;
import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION_PARAMS;
import static io.vigil.db.jooq.Tables.BATCH_JOB_INSTANCE;
import static io.vigil.db.jooq.Tables.BATCH_STEP_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_STEP_EXECUTION_CONTEXT;
import static io.vigil.db.jooq.Tables.JOB_RUN_OWNER;
import static io.vigil.db.jooq.Tables.RUN_RECOVERY;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Deletes Spring Batch's record of runs that ended before a cutoff, children before parents as the
 * BATCH_ foreign keys require: step contexts, steps, job contexts, parameters, owners and recoveries,
 * executions, then
 * the instances left without executions. Runs still going (STARTING, STARTED, STOPPING) are kept.
 */
public class RunHistoryPruner {

    private final DSLContext dsl;
    private final ZoneId batchZone;

    /** @param batchZone the zone of Spring Batch's timestamps (it writes the JVM's local time) */
    public RunHistoryPruner(DSLContext dsl, ZoneId batchZone) {
        this.dsl = dsl;
        this.batchZone = batchZone;
    }

    /** The number of job executions deleted. */
    public int pruneEndedBefore(Instant cutoff) {
        LocalDateTime before = LocalDateTime.ofInstant(cutoff, batchZone);
        var executions = DSL.select(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID, BATCH_JOB_EXECUTION.JOB_INSTANCE_ID).from(BATCH_JOB_EXECUTION)
                .where(BATCH_JOB_EXECUTION.CREATE_TIME.lt(before))
                .and(BATCH_JOB_EXECUTION.END_TIME.isNull().and(BATCH_JOB_EXECUTION.STATUS.in(StaleRuns.RUNNING)).not());
        var found = dsl.fetch(executions);
        List<Long> ids = found.getValues(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID);
        List<Long> instances = found.getValues(BATCH_JOB_EXECUTION.JOB_INSTANCE_ID);
        if (ids.isEmpty()) {
            return 0;
        }
        var steps = DSL.select(BATCH_STEP_EXECUTION.STEP_EXECUTION_ID).from(BATCH_STEP_EXECUTION)
                .where(BATCH_STEP_EXECUTION.JOB_EXECUTION_ID.in(ids));
        dsl.deleteFrom(BATCH_STEP_EXECUTION_CONTEXT).where(BATCH_STEP_EXECUTION_CONTEXT.STEP_EXECUTION_ID.in(steps)).execute();
        dsl.deleteFrom(BATCH_STEP_EXECUTION).where(BATCH_STEP_EXECUTION.JOB_EXECUTION_ID.in(ids)).execute();
        dsl.deleteFrom(BATCH_JOB_EXECUTION_CONTEXT).where(BATCH_JOB_EXECUTION_CONTEXT.JOB_EXECUTION_ID.in(ids)).execute();
        dsl.deleteFrom(BATCH_JOB_EXECUTION_PARAMS).where(BATCH_JOB_EXECUTION_PARAMS.JOB_EXECUTION_ID.in(ids)).execute();
        dsl.deleteFrom(JOB_RUN_OWNER).where(JOB_RUN_OWNER.JOB_EXECUTION_ID.in(ids)).execute();
        dsl.deleteFrom(RUN_RECOVERY).where(RUN_RECOVERY.JOB_EXECUTION_ID.in(ids)).execute();
        int deleted = dsl.deleteFrom(BATCH_JOB_EXECUTION).where(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.in(ids)).execute();
        // Only instances whose executions went here: one being launched right now has none yet.
        dsl.deleteFrom(BATCH_JOB_INSTANCE).where(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID.in(instances)).andNotExists(DSL.selectOne().from(BATCH_JOB_EXECUTION)
                .where(BATCH_JOB_EXECUTION.JOB_INSTANCE_ID.eq(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID))).execute();
        return deleted;
    }
}
