package io.vigil.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FoldWindowTest {

    @Test
    void aBacklogIsCutIntoWindowsOfAtMostMaxIds() {
        assertThat(FoldWindow.next(0, 2500, 1000)).contains(new FoldWindow(0, 1000));
        assertThat(FoldWindow.next(2000, 2500, 1000)).contains(new FoldWindow(2000, 2500));
        assertThat(new FoldWindow(2000, 2500).reaches(2500)).isTrue();
        assertThat(new FoldWindow(0, 1000).reaches(2500)).isFalse();
    }

    @Test
    void nothingToFoldAtOrPastTheHorizon() {
        assertThat(FoldWindow.next(2500, 2500, 1000)).isEmpty();
        // Another run folded further with a later horizon: this run's older horizon is behind it.
        assertThat(FoldWindow.next(3000, 2500, 1000)).isEmpty();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> FoldWindow.next(0, 10, 0)).hasMessageContaining("maxIds must be at least 1, was 0");
        assertThatThrownBy(() -> new FoldWindow(5, 5)).hasMessageContaining("empty fold window (5, 5]");
    }
}
