package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.JOB_RUN_OWNER;
import static io.vigil.db.jooq.Tables.NODE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Forgets the nodes silent since before the cutoff; returns how many. */
    public int forgetSilentSince(Instant cutoff) {
        return dsl.deleteFrom(NODE).where(NODE.LAST_SEEN.lt(cutoff)).execute();
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

    /**
     * Every node that checks in or owns a running run, oldest first, with the runs it owns that are
     * still marked running.
     */
    public List<NodeStatus> statuses(Instant now, Duration staleAfter) {
        Map<String, List<Long>> running = dsl.select(JOB_RUN_OWNER.NODE_ID, JOB_RUN_OWNER.JOB_EXECUTION_ID)
                .from(JOB_RUN_OWNER)
                .join(BATCH_JOB_EXECUTION).on(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(JOB_RUN_OWNER.JOB_EXECUTION_ID))
                .where(BATCH_JOB_EXECUTION.STATUS.in(StaleRuns.RUNNING))
                .orderBy(JOB_RUN_OWNER.JOB_EXECUTION_ID)
                .fetchGroups(JOB_RUN_OWNER.NODE_ID, JOB_RUN_OWNER.JOB_EXECUTION_ID);
        List<NodeStatus> statuses = new ArrayList<>();
        for (var node : dsl.selectFrom(NODE).orderBy(NODE.STARTED_AT, NODE.NODE_ID).fetch()) {
            boolean alive = !node.getLastSeen().isBefore(now.minus(staleAfter));
            statuses.add(new NodeStatus(node.getNodeId(), node.getHost(), node.getPid(), node.getStartedAt(),
                    node.getLastSeen(), alive ? NodeStatus.State.ALIVE : NodeStatus.State.STALE,
                    running.getOrDefault(node.getNodeId(), List.of())));
        }
        running.forEach((nodeId, runs) -> {
            if (statuses.stream().noneMatch(s -> s.nodeId().equals(nodeId))) {
                statuses.add(new NodeStatus(nodeId, null, null, null, null, NodeStatus.State.GONE, runs));
            }
        });
        return statuses;
    }
}
