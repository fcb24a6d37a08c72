package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;

/**
 * Takes over the runs that claim to be running but whose node stopped checking in (it died, or hangs;
 * see {@link StaleRuns}): marks them FAILED with {@link JobOperator#recover}, deciding with the {@link NodeLossPolicy} whether their
 * slot is restarted.
 *
 * <p>Each run is taken over in one transaction that first locks its row in {@code BATCH_JOB_EXECUTION}
 * ({@code FOR UPDATE SKIP LOCKED}) and checks again that it is still running and still stale: of two
 * nodes sweeping at once, one takes it and the other skips it, then finds it FAILED. Spring Batch's
 * repository and the observers (the failed-run email) join that transaction, so the run is marked
 * FAILED, its {@link RunRecovery} recorded and its email queued together or not at all. The lock also
 * fences a node that was only paused: a step it starts inserts a row referencing the run, which waits
 * for the lock and then finds the run taken over (see {@link OwnershipFence}).
 */
public class StaleRunRecovery {

    private static final Logger log = LoggerFactory.getLogger(StaleRunRecovery.class);

    private final DSLContext dsl;
    private final StaleRuns stale;
    private final NodeRegistry nodes;
    private final RunLookup runs;
    private final RunRecoveries recoveries;
    private final JobOperator jobOperator;
    private final NodeLossPolicy policy;
    private final NodeIdentity self;
    private final Clock clock;
    private final List<RecoveredRunObserver> observers;

    public StaleRunRecovery(DSLContext dsl, StaleRuns stale, NodeRegistry nodes, RunLookup runs, RunRecoveries recoveries,
                            JobOperator jobOperator, NodeLossPolicy policy, NodeIdentity self, Clock clock,
                            List<RecoveredRunObserver> observers) {
        this.dsl = dsl;
        this.stale = stale;
        this.nodes = nodes;
        this.runs = runs;
        this.recoveries = recoveries;
        this.jobOperator = jobOperator;
        this.policy = policy;
        this.self = self;
        this.clock = clock;
        this.observers = List.copyOf(observers);
    }

    /**
     * Takes over every stale run no other node is taking over at this moment; the caller restarts them.
     * Runs every heartbeat on every daemon, so finding none costs one query, however many runs are going.
     */
    public List<RunRecovery> recoverStaleRuns() {
        List<RunRecovery> recovered = new ArrayList<>();
        for (Long id : stale.candidates()) {
            takeOver(id).ifPresent(recovered::add);
        }
        return recovered;
    }

    /** Recovers one run for an operator, refusing while its node still checks in unless forced. */
    public RunRecovery recover(long id, boolean force) {
        return dsl.transactionResult(configuration -> {
            JobExecution execution = lockRunning(id, false)
                    .orElseThrow(() -> new IllegalStateException("run " + id + " is " + runs.require(id).getStatus()
                            + ", not running: only a STARTING, STARTED or STOPPING run can be recovered"));
            Optional<String> owner = nodes.ownerOf(id);
            if (!force && owner.isPresent() && stale.ownerIsAlive(owner.get())) {
                throw new IllegalStateException("run " + id + " belongs to node " + owner.get()
                        + ", which still checks in: it may really be running. Stop it with vigil jobs stop " + id
                        + ", or use --force if you know that node is hung");
            }
            return markFailed(execution, owner.orElse(null), NodeLossDecision.leave(
                    "recovered by hand (vigil jobs recover): an operator decides whether to restart it"));
        });
    }

    private Optional<RunRecovery> takeOver(long id) {
        return dsl.transactionResult(configuration -> {
            Optional<JobExecution> locked = lockRunning(id, true);
            if (locked.isEmpty() || !stale.isStale(id)) {
                return Optional.empty();
            }
            JobExecution execution = locked.get();
            BatchStatus leftAs = execution.getStatus();
            String job = execution.getJobInstance().getJobName();
            String lostNode = nodes.ownerOf(id).orElse(null);
            RunRecovery recovery = markFailed(execution, lostNode,
                    policy.decide(job, Slot.of(execution), clock.instant()));
            log.warn("Run {} of {} was left {} by node {}, which stopped checking in: marked FAILED; {}", id, job,
                    leftAs, lostNode == null ? "(unknown)" : lostNode,
                    recovery.restart() ? "restarting it: " + recovery.decision().reason()
                            : "left for an operator (" + recovery.decision().reason() + "): vigil jobs restart " + id);
            return Optional.of(recovery);
        });
    }

    /**
     * Locks the run's row if it is still running; skips one locked by another node's sweep instead of
     * waiting for it. The execution is read after the lock, so it is the latest.
     */
    private Optional<JobExecution> lockRunning(long id, boolean skipLocked) {
        var select = dsl.select(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID)
                .from(BATCH_JOB_EXECUTION)
                .where(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(id))
                .and(BATCH_JOB_EXECUTION.STATUS.in(StaleRuns.RUNNING))
                .forUpdate();
        Long locked = (skipLocked ? select.skipLocked() : select).fetchOne(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID);
        return locked == null ? Optional.empty() : runs.find(id).filter(JobExecution::isRunning);
    }

    private RunRecovery markFailed(JobExecution execution, String lostNode, NodeLossDecision decision) {
        BatchStatus leftAs = execution.getStatus();
        JobExecution failed = jobOperator.recover(execution);
        if (failed.getStatus() != BatchStatus.FAILED) {
            throw new IllegalStateException("run " + execution.getId() + " was " + leftAs + " and could not be marked FAILED");
        }
        RunRecovery recovery = new RunRecovery(execution.getId(), execution.getJobInstance().getJobName(), lostNode,
                self.nodeId(), clock.instant(), decision);
        recoveries.record(recovery);
        observers.forEach(observer -> observer.runRecovered(failed, recovery));
        return recovery;
    }
}
