package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
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
 * Finds runs that claim to be running but whose node stopped checking in (the process died), and marks
 * them FAILED with {@link JobOperator#recover} so that an operator can restart them.
 */
public class StaleRunRecovery {

    private static final Logger log = LoggerFactory.getLogger(StaleRunRecovery.class);
    private static final List<String> ACTIVE = List.of(
            BatchStatus.STARTING.name(), BatchStatus.STARTED.name(), BatchStatus.STOPPING.name());

    private final DSLContext dsl;
    private final NodeRegistry nodes;
    private final RunLookup runs;
    private final JobOperator jobOperator;
    private final Clock clock;
    private final Duration staleAfter;
    private final List<RunEndObserver> observers;

    public StaleRunRecovery(DSLContext dsl, NodeRegistry nodes, RunLookup runs, JobOperator jobOperator, Clock clock,
                            Duration staleAfter, List<RunEndObserver> observers) {
        this.dsl = dsl;
        this.nodes = nodes;
        this.runs = runs;
        this.jobOperator = jobOperator;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.observers = List.copyOf(observers);
    }

    /** Recovers every stale run; returns their ids. */
    public List<Long> recoverStaleRuns() {
        List<Long> recovered = new ArrayList<>();
        for (Long id : activeRunIds()) {
            JobExecution execution = isStale(id) ? runs.find(id).orElse(null) : null;
            if (execution != null && execution.isRunning()) {
                BatchStatus leftAs = execution.getStatus();
                markFailed(execution);
                recovered.add(id);
                log.warn("Run {} of {} was left {} by node {}, which no longer checks in: marked FAILED. "
                                + "Restart it with: vigil jobs restart {}", id, execution.getJobInstance().getJobName(),
                        leftAs, nodes.ownerOf(id).orElse("(unknown)"), id);
            }
        }
        return recovered;
    }

    /** Recovers one run, refusing while its node still checks in unless forced. */
    public JobExecution recover(long id, boolean force) {
        JobExecution execution = runs.require(id);
        if (!execution.isRunning()) {
            throw new IllegalStateException("run " + id + " is " + execution.getStatus()
                    + ", not running: only a STARTING, STARTED or STOPPING run can be recovered");
        }
        Optional<String> owner = nodes.ownerOf(id);
        if (!force && owner.isPresent() && nodes.isAlive(owner.get(), clock.instant(), staleAfter)) {
            throw new IllegalStateException("run " + id + " belongs to node " + owner.get()
                    + ", which still checks in: it may really be running. Stop it with vigil jobs stop " + id
                    + ", or use --force if you know that node is hung");
        }
        return markFailed(execution);
    }

    private JobExecution markFailed(JobExecution execution) {
        JobExecution failed = jobOperator.recover(execution);
        observers.forEach(observer -> observer.runEnded(failed));
        return failed;
    }

    boolean isStale(long id) {
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

    private List<Long> activeRunIds() {
        return dsl.select(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID)
                .from(BATCH_JOB_EXECUTION)
                .where(BATCH_JOB_EXECUTION.STATUS.in(ACTIVE))
                .orderBy(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID)
                .fetch(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID);
    }
}
