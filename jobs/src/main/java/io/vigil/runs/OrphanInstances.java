package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_JOB_INSTANCE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job instances left without any run. Spring Batch creates a run's instance and its execution in two
 * transactions; a node that dies between them leaves its slot an instance with no execution, and every
 * later launch of that slot is skipped as "being created by another node", with no run an operator
 * could restart. An instance seen without a run for {@code stale-after} was not being created: it is
 * removed, so that the slot can be launched again. Spring Batch keeps no creation time for instances,
 * so the first sighting is remembered here, per node. An instance seen with a run never loses it (the
 * history pruner deletes both), so each sweep looks only above the instances already seen with one:
 * after the first, a sweep reads the newest hundred or so, not the whole history.
 */
public class OrphanInstances {

    private static final Logger log = LoggerFactory.getLogger(OrphanInstances.class);

    private static final long IN_FLIGHT_MARGIN = 100;

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration staleAfter;
    private final Map<Long, Instant> firstSeen = new ConcurrentHashMap<>();
    /** Every instance up to this id had a run when last looked at. */
    private volatile long settledUpTo;

    public OrphanInstances(DSLContext dsl, Clock clock, Duration staleAfter) {
        this.dsl = dsl;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Removes the instances without a run seen so for {@code stale-after}; returns their ids. */
    public List<Long> removeAbandoned() {
        Instant now = clock.instant();
        // Read first: an instance created after it is looked at by the next sweep, not skipped.
        Long newest = dsl.select(DSL.max(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID)).from(BATCH_JOB_INSTANCE).fetchOne().value1();
        if (newest == null) {
            return List.of();
        }
        var orphans = dsl.select(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID, BATCH_JOB_INSTANCE.JOB_NAME)
                .from(BATCH_JOB_INSTANCE)
                .where(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID.between(settledUpTo + 1, newest))
                .andNotExists(DSL.selectOne().from(BATCH_JOB_EXECUTION)
                        .where(BATCH_JOB_EXECUTION.JOB_INSTANCE_ID.eq(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID)))
                .fetchMap(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID, BATCH_JOB_INSTANCE.JOB_NAME);
        firstSeen.keySet().retainAll(orphans.keySet());
        List<Long> removed = new ArrayList<>();
        orphans.forEach((id, job) -> {
            Instant seen = firstSeen.computeIfAbsent(id, unused -> now);
            if (!now.isBefore(seen.plus(staleAfter)) && remove(id)) {
                firstSeen.remove(id);
                removed.add(id);
                log.warn("Job instance {} of {} had no run for {}: the node creating it died in between. Removed it, "
                        + "so that its slot can run again (vigil jobs launch {} --slot ... for a past slot)",
                        id, job, staleAfter, job);
            }
        });
        // Instance ids are drawn before their transactions commit, so the newest ones may still be hidden
        // behind one in flight: only those well below the newest are taken as settled.
        long settled = Math.max(settledUpTo, newest - IN_FLIGHT_MARGIN);
        settledUpTo = orphans.keySet().stream().filter(id -> !removed.contains(id)).mapToLong(id -> id - 1)
                .reduce(settled, Math::min);
        return removed;
    }

    /** Deletes the instance unless a run of it appeared meanwhile; the row lock serialises with its creation. */
    private boolean remove(long id) {
        return dsl.deleteFrom(BATCH_JOB_INSTANCE)
                .where(BATCH_JOB_INSTANCE.JOB_INSTANCE_ID.eq(id))
                .andNotExists(DSL.selectOne().from(BATCH_JOB_EXECUTION).where(BATCH_JOB_EXECUTION.JOB_INSTANCE_ID.eq(id)))
                .execute() == 1;
    }
}
