package io.vigil.event;

import static io.vigil.db.jooq.Tables.EVENT_DAILY_SUMMARY;

import io.vigil.database.ViewRefreshes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What the applications did, per day and source, from the nightly materialised view. */
public class EventSummaryQuery {

    /** A year, leap day included: the daily rollups are kept, but a longer list is no summary. */
    public static final int MAX_DAYS = 366;

    private final DSLContext dsl;
    private final Clock clock;

    public EventSummaryQuery(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The last {@code days} UTC days up to today, of every source or only of {@code source} (null for all). */
    public EventSummary summary(int days, String source) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ", not " + days);
        }
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1);
        ViewRefreshes.Refresh refresh = ViewRefreshes.of(dsl, EVENT_DAILY_SUMMARY.getName());
        if (!refresh.populated()) {
            return new EventSummary(false, refresh.refreshedAt(), from, to, source, List.of(), clock.instant());
        }
        var s = EVENT_DAILY_SUMMARY;
        List<EventSummary.Day> rows = dsl.select(s.DAY, s.SOURCE, s.EVENTS, s.FAILURES, s.FAILURE_RATE, s.TYPES, s.VALUE_SUM)
                .from(s)
                .where(s.DAY.between(from, to))
                .and(source == null ? DSL.noCondition() : s.SOURCE.eq(source))
                .orderBy(s.DAY.desc(), s.SOURCE)
                .fetch(r -> new EventSummary.Day(r.value1(), r.value2(), count(r.value3()), count(r.value4()),
                        r.value5(), r.value6(), r.value7()));
        return new EventSummary(true, refresh.refreshedAt(), from, to, source, rows, clock.instant());
    }

    // The view's counts are sums of bigints, which PostgreSQL makes numeric.
    private static long count(BigDecimal value) {
        return value == null ? 0 : value.longValueExact();
    }
}
