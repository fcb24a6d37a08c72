package io.vigil.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthlyPartitionTest {

    @Test
    void namesFollowEnsureMonthlyPartition() {
        assertThat(MonthlyPartition.parse(PartitionedTable.EVENT, "event_y2026m07"))
                .contains(new MonthlyPartition(PartitionedTable.EVENT, "event_y2026m07", YearMonth.of(2026, 7)));
        assertThat(MonthlyPartition.parse(PartitionedTable.HEALTH_CHECK, "health_check_y2025m12")).isPresent();
        assertThat(MonthlyPartition.parse(PartitionedTable.EVENT, "health_check_y2026m07")).isEmpty();
        assertThat(MonthlyPartition.parse(PartitionedTable.EVENT, "event_y2026m13")).isEmpty();
        assertThat(MonthlyPartition.parse(PartitionedTable.EVENT, "event_archive")).isEmpty();
    }

    @Test
    void aPartitionEndsByACutoffWhenItsWholeMonthIsOlder() {
        MonthlyPartition july = MonthlyPartition.parse(PartitionedTable.EVENT, "event_y2026m07").orElseThrow();
        assertThat(july.start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(july.end()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));

        Duration ninetyDays = Duration.ofDays(90);
        assertThat(july.endsBy(Instant.parse("2026-10-30T00:00:00Z").minus(ninetyDays))).isTrue();
        assertThat(july.endsBy(Instant.parse("2026-10-29T23:59:59Z").minus(ninetyDays)))
                .as("its last day is not 90 days old yet").isFalse();
    }
}
