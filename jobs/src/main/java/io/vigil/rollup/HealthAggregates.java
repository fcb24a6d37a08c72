package io.vigil.rollup;

import static io.vigil.db.jooq.Tables.HEALTH_CHECK;

import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The health measures of a bucket, in the column order of health_rollup_hourly and _daily after the
 * bucket key. Availability is (up + degraded) over the checks that were not skipped: a skipped check
 * (circuit open) says nothing about the target. Percentiles are exact, from the raw checks.
 */
final class HealthAggregates {

    static List<Field<?>> measures() {
        return List.of(
                DSL.count().cast(Long.class),
                status("UP"),
                status("DEGRADED"),
                status("DOWN"),
                status("SKIPPED"),
                status("UP").plus(status("DEGRADED")).cast(Double.class)
                        .div(DSL.nullif(DSL.count().cast(Long.class).minus(status("SKIPPED")), 0L)),
                DSL.avg(HEALTH_CHECK.LATENCY_MS).cast(Double.class),
                DSL.percentileCont(0.5).withinGroupOrderBy(HEALTH_CHECK.LATENCY_MS).cast(Double.class),
                DSL.percentileCont(0.95).withinGroupOrderBy(HEALTH_CHECK.LATENCY_MS).cast(Double.class),
                DSL.max(HEALTH_CHECK.LATENCY_MS),
                DSL.currentOffsetDateTime());
    }

    private static Field<Long> status(String status) {
        return DSL.count().filterWhere(HEALTH_CHECK.STATUS.eq(status)).cast(Long.class);
    }

    private HealthAggregates() {
    }
}
