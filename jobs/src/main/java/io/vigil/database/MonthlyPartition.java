package io.vigil.database;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monthly partition as ensure_monthly_partition (V1) names it, {@code <table>_yYYYYmMM}, holding
 * [first instant of the month, first instant of the next) in UTC.
 */
public record MonthlyPartition(PartitionedTable table, String name, YearMonth month) {

    private static final Pattern NAME = Pattern.compile("(.+)_y(\\d{4})m(\\d{2})");

    /** The partition a name denotes, or none for a name that does not follow the convention. */
    public static Optional<MonthlyPartition> parse(PartitionedTable table, String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches() || !matcher.group(1).equals(table.tableName())) {
            return Optional.empty();
        }
        int month = Integer.parseInt(matcher.group(3));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        return Optional.of(new MonthlyPartition(table, name, YearMonth.of(Integer.parseInt(matcher.group(2)), month)));
    }

    public Instant start() {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Every row it can hold is older than {@code cutoff}. */
    public boolean endsBy(Instant cutoff) {
        return !end().isAfter(cutoff);
    }
}
