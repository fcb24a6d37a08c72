package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.JOB_RUN_OWNER;
import static io.vigil.db.jooq.Tables.NODE;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.batch.core.BatchStatus;

/**
 * Which runs are stale: marked running, while the node that owns them has not checked in for
 * {@code vigil.node.stale-after} (or its row is gone), or while they never got an owner at all.
 */
public class StaleRuns {

    static final List<String> ACTIVE = List.of(
            BatchStatus.STARTING.name(), BatchStatus.STARTED.name(), BatchStatus.STOPPING.name());

    private final DSLContext dsl;
    private final NodeRegistry nodes;
    private final Clock clock;
    private final Duration staleAfter;

    public StaleRuns(DSLContext dsl, NodeRegistry nodes, Clock clock, Duration staleAfter) {
        this.dsl = dsl;
        this.nodes = nodes;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public boolean isStale(long id) {
        Optional<String> owner = nodes.ownerOf(id);
        if (owner.isPresent()) {
            return !nodes.isAlive(owner.get(), clock.instant(), staleAfter);
        }
        // No owner yet: the run may have been created a moment ago by a node that is about to record
        // itself. Spring Batch stamps CREATE_TIME with the system clock, so compare against that.
        LocalDateTime created = dsl.select(BATCH_JOB_EXECUTION.CREATE_TIME)
                .from(BATCH_JOB_EXECUTION)
                .where(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(id))
                .fetchOne(BATCH_JOB_EXECUTION.CREATE_TIME);
        return created != null && created.isBefore(LocalDateTime.now().minus(staleAfter));
    }

    /** The runs {@link #isStale} may judge stale, in one query: every daemon asks every heartbeat. */
    public List<Long> candidates() {
        return dsl.select(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID)
                .from(BATCH_JOB_EXECUTION)
                .leftJoin(JOB_RUN_OWNER).on(JOB_RUN_OWNER.JOB_EXECUTION_ID.eq(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID))
                .leftJoin(NODE).on(NODE.NODE_ID.eq(JOB_RUN_OWNER.NODE_ID))
                .where(BATCH_JOB_EXECUTION.STATUS.in(ACTIVE))
                .and(JOB_RUN_OWNER.NODE_ID.isNull()
                        .and(BATCH_JOB_EXECUTION.CREATE_TIME.lt(LocalDateTime.now().minus(staleAfter)))
                        .or(JOB_RUN_OWNER.NODE_ID.isNotNull()
                                .and(NODE.NODE_ID.isNull().or(NODE.LAST_SEEN.lt(clock.instant().minus(staleAfter))))))
                .orderBy(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID)
                .fetch(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID);
    }

    public boolean ownerIsAlive(String nodeId) {
        return nodes.isAlive(nodeId, clock.instant(), staleAfter);
    }
}
