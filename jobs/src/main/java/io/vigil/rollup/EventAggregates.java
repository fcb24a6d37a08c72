package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.EVENT;

import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The event measures of a bucket, in the column order of event_rollup_hourly and _daily after the
 * bucket key. Distinct subjects and p95 are computed exactly from the bucket's raw rows.
 */
final class EventAggregates {

    static List<Field<?>> measures() {
        return List.of(
                DSL.count().cast(Long.class),
                failures(),
                failures().cast(Double.class).div(DSL.count()),
                DSL.countDistinct(EVENT.SUBJECT).cast(Long.class),
                DSL.count(EVENT.VALUE).cast(Long.class),
                DSL.sum(EVENT.VALUE).cast(Double.class),
                DSL.min(EVENT.VALUE),
                DSL.max(EVENT.VALUE),
                DSL.avg(EVENT.VALUE).cast(Double.class),
                DSL.percentileCont(0.95).withinGroupOrderBy(EVENT.VALUE).cast(Double.class),
                DSL.currentOffsetDateTime());
    }

    private static Field<Long> failures() {
        return DSL.count().filterWhere(EVENT.OUTCOME.eq("FAILURE")).cast(Long.class);
    }

    private EventAggregates() {
    }
}
