package io.vigil.runs;

import static io.vigil.db.jooq.Tables.JOB_RUN_OWNER;
import static io.vigil.db.jooq.Tables.NODE;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** The nodes that check in, and which node owns which run. */
public class NodeRegistry {

    private final DSLContext dsl;

    public NodeRegistry(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void checkIn(NodeIdentity node, Instant now) {
        dsl.insertInto(NODE)
                .set(NODE.NODE_ID, node.nodeId())
                .set(NODE.HOST, node.host())
                .set(NODE.PID, node.pid())
                .set(NODE.STARTED_AT, now)
                .set(NODE.LAST_SEEN, now)
                .onConflict(NODE.NODE_ID)
                .doUpdate()
                .set(NODE.LAST_SEEN, now)
                .execute();
    }

    public void checkOut(NodeIdentity node) {
        dsl.deleteFrom(NODE).where(NODE.NODE_ID.eq(node.nodeId())).execute();
    }

    public boolean isAlive(String nodeId, Instant now, Duration staleAfter) {
        return dsl.fetchExists(NODE, NODE.NODE_ID.eq(nodeId)
                .and(NODE.LAST_SEEN.ge(now.minus(staleAfter))));
    }

    public void recordOwner(long jobExecutionId, NodeIdentity node) {
        dsl.insertInto(JOB_RUN_OWNER)
                .set(JOB_RUN_OWNER.JOB_EXECUTION_ID, jobExecutionId)
                .set(JOB_RUN_OWNER.NODE_ID, node.nodeId())
                .onConflict(JOB_RUN_OWNER.JOB_EXECUTION_ID)
                .doUpdate()
                .set(JOB_RUN_OWNER.NODE_ID, node.nodeId())
                .execute();
    }

    public Optional<String> ownerOf(long jobExecutionId) {
        return dsl.select(JOB_RUN_OWNER.NODE_ID)
                .from(JOB_RUN_OWNER)
                .where(JOB_RUN_OWNER.JOB_EXECUTION_ID.eq(jobExecutionId))
                .fetchOptional(JOB_RUN_OWNER.NODE_ID);
    }
}
