package io.vigil.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Hour and day buckets, in UTC, as SQL expressions. */
final class Buckets {

    static Field<Instant> hourOf(Field<Instant> time) {
        return DSL.field("date_trunc('hour', {0}, 'UTC')", SQLDataType.INSTANT, time);
    }

    static Field<LocalDate> dayOf(Field<Instant> time) {
        return DSL.field("({0} AT TIME ZONE 'UTC')::date", SQLDataType.LOCALDATE, time);
    }

    /** {@code time} falls in the hour starting at {@code hour}. */
    static Condition inHour(Field<Instant> time, Field<Instant> hour) {
        return time.ge(hour).and(time.lt(DSL.field("{0} + interval '1 hour'", SQLDataType.INSTANT, hour)));
    }

    /**
     * {@code time} falls on one of the UTC {@code days} (not empty). The range around them lets
     * PostgreSQL skip partitions and index ranges outside it.
     */
    static Condition onDays(Field<Instant> time, List<LocalDate> days) {
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        return time.ge(first.atStartOfDay().toInstant(ZoneOffset.UTC))
                .and(time.lt(last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .and(dayOf(time).in(days));
    }

    private Buckets() {
    }
}
