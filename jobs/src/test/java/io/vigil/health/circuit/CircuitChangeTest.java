package io.vigil.health.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitChangeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:05:30Z");
    private static final Circuit OPEN = new Circuit(Circuit.State.OPEN, 3, NOW,
            Instant.parse("2026-11-23T10:15:12.345678901Z"));

    @Test
    void anOpenedCircuitSaysItsFailuresAndItsNextFullProbeToTheSecond() {
        CircuitChange change = CircuitChange.between("orders-db", new Circuit(Circuit.State.CLOSED, 2, null, null), OPEN)
                .orElseThrow();

        assertThat(change.badNews()).isTrue();
        assertThat(change.line()).isEqualTo("circuit of orders-db opened after 3 failed checks in a row; "
                + "next full probe at 2026-11-23T10:15:12Z (see: vigil fleet show orders-db)");
    }

    @Test
    void aClosedCircuitSaysHowManyFailuresItEnded() {
        CircuitChange change = CircuitChange.between("orders-db", new Circuit(Circuit.State.OPEN, 7, NOW, NOW), Circuit.closed())
                .orElseThrow();

        assertThat(change.badNews()).isFalse();
        assertThat(change.line()).isEqualTo("circuit of orders-db closed: it answered after 7 failed checks in a row "
                + "(see: vigil fleet show orders-db)");
    }

    @Test
    void aThresholdOfOneReadsAsOneCheck() {
        assertThat(CircuitChange.between("web", Circuit.closed(), new Circuit(Circuit.State.OPEN, 1, NOW,
                Instant.parse("2026-11-23T10:15:30Z"))).orElseThrow().line())
                .isEqualTo("circuit of web opened after 1 failed check; next full probe at 2026-11-23T10:15:30Z "
                        + "(see: vigil fleet show web)");
    }

    @Test
    void aCircuitThatStaysAsItWasIsNoChange() {
        assertThat(CircuitChange.between("web", OPEN, null)).as("unchanged").isEmpty();
        assertThat(CircuitChange.between("web", OPEN, new Circuit(Circuit.State.OPEN, 4, NOW, NOW.plusSeconds(1200))))
                .as("a failed full probe keeps it open").isEmpty();
        assertThat(CircuitChange.between("web", Circuit.closed(), new Circuit(Circuit.State.CLOSED, 1, null, null)))
                .as("a failure below the threshold").isEmpty();
    }
}
