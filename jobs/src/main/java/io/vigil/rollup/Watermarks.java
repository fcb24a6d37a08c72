package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.ROLLUP_WATERMARK;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The rollup watermarks. {@link #lock} takes the row lock, so two runs of the same rollup (a slow run
 * and the next slot's) fold one after the other, each from where the other stopped.
 */
public class Watermarks {

    private final DSLContext dsl;

    public Watermarks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The watermark, locked until the caller's transaction ends. */
    public long lock(String rollup) {
        Long value = dsl.select(ROLLUP_WATERMARK.FOLDED_THROUGH).from(ROLLUP_WATERMARK)
                .where(ROLLUP_WATERMARK.ROLLUP.eq(rollup))
                .forUpdate()
                .fetchOne(ROLLUP_WATERMARK.FOLDED_THROUGH);
        if (value == null) {
            throw new IllegalStateException("no watermark row for rollup '" + rollup + "' in vigil.rollup_watermark: "
                    + "the V4 migration creates it; check that the database is migrated");
        }
        return value;
    }

    public void advance(String rollup, long foldedThrough) {
        dsl.update(ROLLUP_WATERMARK)
                .set(ROLLUP_WATERMARK.FOLDED_THROUGH, foldedThrough)
                // Not DSL.currentInstant(): jOOQ renders it as current_timestamp cast to timestamp and back,
                // which moves it by an hour in the repeated hour of a DST session time zone.
                .set(ROLLUP_WATERMARK.UPDATED_AT, DSL.currentOffsetDateTime().coerce(SQLDataType.INSTANT))
                .where(ROLLUP_WATERMARK.ROLLUP.eq(rollup))
                .execute();
    }
}
