package io.vigil.health.status;

import static io.vigil.health.status.HealthStatus.DEGRADED;
import static io.vigil.health.status.HealthStatus.DOWN;
import static io.vigil.health.status.HealthStatus.SKIPPED;
import static io.vigil.health.status.HealthStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusChangeTest {

    @Test
    void aConnectionThatGoesDownIsBadNewsWithItsError() {
        StatusChange change = StatusChange.between("orders-db", UP, DOWN, "connection refused by db1:5432").orElseThrow();

        assertThat(change.badNews()).isTrue();
        assertThat(change.line()).isEqualTo("connection orders-db is DOWN: connection refused by db1:5432 (see: vigil fleet show orders-db)");
    }

    @Test
    void aDegradedConnectionSaysWhy() {
        assertThat(StatusChange.between("cache", DOWN, DEGRADED, "latency 812 ms is above the SLO of 500 ms").orElseThrow().line())
                .isEqualTo("connection cache is DEGRADED: latency 812 ms is above the SLO of 500 ms (see: vigil fleet show cache)");
    }

    @Test
    void aConnectionBackUpSaysWhatItWas() {
        StatusChange change = StatusChange.between("orders-db", DEGRADED, UP, null).orElseThrow();

        assertThat(change.badNews()).isFalse();
        assertThat(change.line()).isEqualTo("connection orders-db is UP again (was DEGRADED) (see: vigil fleet show orders-db)");
    }

    @Test
    void theSameStatusAgainOrASkippedCheckIsNoChange() {
        assertThat(StatusChange.between("orders-db", DOWN, DOWN, "another error")).isEmpty();
        assertThat(StatusChange.between("orders-db", DOWN, SKIPPED, null)).isEmpty();
        assertThat(StatusChange.between("orders-db", null, SKIPPED, null)).isEmpty();
    }

    @Test
    void aFirstCheckIsNewsOnlyWhenItIsBad() {
        assertThat(StatusChange.between("new-db", null, UP, null)).isEmpty();
        assertThat(StatusChange.between("new-db", null, DOWN, "host not found: new-db:5432").orElseThrow().line())
                .isEqualTo("connection new-db is DOWN: host not found: new-db:5432 (see: vigil fleet show new-db)");
    }

    @Test
    void aDownCheckWithoutAnErrorStillEndsWithWhereToLook() {
        assertThat(StatusChange.between("web", UP, DOWN, " ").orElseThrow().line())
                .isEqualTo("connection web is DOWN (see: vigil fleet show web)");
    }
}
