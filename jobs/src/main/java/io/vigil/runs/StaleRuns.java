package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.JOB_RUN_OWNER;
import static io.vigil.db.jooq.Tables.NODE;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.batch.core.BatchStatus;

/**
 * Which runs are stale: marked running, while the node that owns them has not checked in for
 * {@code vigil.node.stale-after} (or its row is gone), or while they never got an owner at all. One
 * query says it, for the sweep (every daemon, every heartbeat) and for the re-check under the lock.
 */
public class StaleRuns {

    /** The statuses of a run still going, as Spring Batch stores them. */
    public static final List<String> RUNNING = List.of(
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

    public List<Long> candidates() {
        return stale(DSL.noCondition());
    }

    public boolean isStale(long id) {
        return !stale(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(id)).isEmpty();
    }

    public boolean ownerIsAlive(String nodeId) {
        return nodes.isAlive(nodeId, clock.instant(), staleAfter);
    }

    private List<Long> stale(Condition narrowedTo) {
        // A run without an owner may have been created a moment ago by a node about to record itself.
        // Spring Batch stamps CREATE_TIME with the system clock, so that one is compared with it.
        Condition ownerless = JOB_RUN_OWNER.NODE_ID.isNull()
                .and(BATCH_JOB_EXECUTION.CREATE_TIME.lt(LocalDateTime.now().minus(staleAfter)));
        Condition ownerSilent = JOB_RUN_OWNER.NODE_ID.isNotNull()
                .and(NODE.NODE_ID.isNull().or(NODE.LAST_SEEN.lt(clock.instant().minus(staleAfter))));
        return dsl.select(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID)
                .from(BATCH_JOB_EXECUTION)
                .leftJoin(JOB_RUN_OWNER).on(JOB_RUN_OWNER.JOB_EXECUTION_ID.eq(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID))
                .leftJoin(NODE).on(NODE.NODE_ID.eq(JOB_RUN_OWNER.NODE_ID))
                .where(BATCH_JOB_EXECUTION.STATUS.in(RUNNING))
                .and(ownerless.or(ownerSilent))
                .and(narrowedTo)
                .orderBy(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID)
                .fetch(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID);
    }
}
