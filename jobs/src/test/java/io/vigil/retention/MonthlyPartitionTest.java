package io.vigil.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthlyPartitionTest {

    @Test
    void namesFollowEnsureMonthlyPartition() {
        assertThat(MonthlyPartition.parse("event", "event_y2026m07"))
                .contains(new MonthlyPartition("event", "event_y2026m07", YearMonth.of(2026, 7)));
        assertThat(MonthlyPartition.parse("health_check", "health_check_y2025m12")).isPresent();
        assertThat(MonthlyPartition.parse("event", "health_check_y2026m07")).isEmpty();
        assertThat(MonthlyPartition.parse("event", "event_y2026m13")).isEmpty();
        assertThat(MonthlyPartition.parse("event", "event_archive")).isEmpty();
    }

    @Test
    void aPartitionExpiresWhenItsWholeMonthIsOlderThanTheRetention() {
        MonthlyPartition july = MonthlyPartition.parse("event", "event_y2026m07").orElseThrow();
        assertThat(july.start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(july.end()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));

        Duration ninetyDays = Duration.ofDays(90);
        assertThat(july.expiredAt(Instant.parse("2026-10-30T00:00:00Z"), ninetyDays)).isTrue();
        assertThat(july.expiredAt(Instant.parse("2026-10-29T23:59:59Z"), ninetyDays))
                .as("its last day is not 90 days old yet").isFalse();
    }
}
