package io.vigil.runs;

import static io.vigil.db.jooq.Tables.RUN_RECOVERY;

import io.vigil.db.jooq.tables.records.RunRecoveryRecord;
import java.util.Optional;
import org.jooq.DSLContext;

/** The record of runs taken over from lost nodes ({@code run_recovery}). */
public class RunRecoveries {

    private final DSLContext dsl;

    public RunRecoveries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void record(RunRecovery recovery) {
        dsl.insertInto(RUN_RECOVERY)
                .set(RUN_RECOVERY.JOB_EXECUTION_ID, recovery.jobExecutionId())
                .set(RUN_RECOVERY.JOB_NAME, recovery.jobName())
                .set(RUN_RECOVERY.LOST_NODE, recovery.lostNode())
                .set(RUN_RECOVERY.RECOVERED_BY, recovery.recoveredBy())
                .set(RUN_RECOVERY.RECOVERED_AT, recovery.recoveredAt())
                .set(RUN_RECOVERY.ACTION, recovery.restart() ? "RESTART" : "LEAVE")
                .set(RUN_RECOVERY.REASON, recovery.decision().reason())
                .execute();
    }

    public Optional<RunRecovery> find(long jobExecutionId) {
        return dsl.selectFrom(RUN_RECOVERY)
                .where(RUN_RECOVERY.JOB_EXECUTION_ID.eq(jobExecutionId))
                .fetchOptional(RunRecoveries::recovery);
    }

    private static RunRecovery recovery(RunRecoveryRecord row) {
        return new RunRecovery(row.getJobExecutionId(), row.getJobName(), row.getLostNode(), row.getRecoveredBy(),
                row.getRecoveredAt(), new NodeLossDecision("RESTART".equals(row.getAction()), row.getReason()));
    }
}
