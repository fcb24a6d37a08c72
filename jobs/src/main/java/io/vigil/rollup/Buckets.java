package io.vigil.rollup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Hour and day buckets, in UTC, as SQL expressions. */
final class Buckets {

    static Field<OffsetDateTime> hourOf(Field<OffsetDateTime> time) {
        return DSL.field("date_trunc('hour', {0}, 'UTC')", SQLDataType.TIMESTAMPWITHTIMEZONE, time);
    }

    static Field<LocalDate> dayOf(Field<OffsetDateTime> time) {
        return DSL.field("({0} AT TIME ZONE 'UTC')::date", SQLDataType.LOCALDATE, time);
    }

    /** {@code time} falls in the hour starting at {@code hour}. */
    static Condition inHour(Field<OffsetDateTime> time, Field<OffsetDateTime> hour) {
        return time.ge(hour).and(time.lt(DSL.field("{0} + interval '1 hour'", SQLDataType.TIMESTAMPWITHTIMEZONE, hour)));
    }

    /** {@code time} falls on the UTC day {@code day}. */
    static Condition onDay(Field<OffsetDateTime> time, LocalDate day) {
        OffsetDateTime start = day.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
        return time.ge(start).and(time.lt(start.plusDays(1)));
    }

    private Buckets() {
    }
}
