package io.vigil.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownReportTest {

    @Test
    void aCleanStopLeavesNothing() {
        assertThat(new ShutdownReport(14, List.of(), List.of()).summary()).isEqualTo("14 runs finished, none left for restart");
        assertThat(new ShutdownReport(1, List.of(), List.of()).summary()).isEqualTo("1 run finished, none left for restart");
    }

    @Test
    void namesEachRunLeftAndWhatBecomesOfIt() {
        assertThat(new ShutdownReport(3, List.of(42L), List.of(43L)).summary()).isEqualTo("3 runs finished, 2 left for "
                + "restart: run 42 stopped (vigil jobs restart 42), run 43 still running, for another node to take over "
                + "(vigil jobs show 43)");
    }
}
