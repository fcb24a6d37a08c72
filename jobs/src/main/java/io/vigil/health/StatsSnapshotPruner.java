package io.vigil.health;

import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;

import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Deletes stats snapshots taken before a cutoff. Unlike the health checks they are not partitioned (one
 * row per PostgreSQL, MySQL or Redis target and slot, a few hundred bytes), so they go by rows, a day's
 * worth each night, and their retention is their own: growth trends want a longer history than checks.
 */
public class StatsSnapshotPruner {

    private final DSLContext dsl;

    public StatsSnapshotPruner(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The number of snapshots deleted. */
    public int pruneBefore(Instant cutoff) {
        return dsl.deleteFrom(DB_STATS_SNAPSHOT).where(DB_STATS_SNAPSHOT.SLOT.lt(cutoff)).execute();
    }
}
