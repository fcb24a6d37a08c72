package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void sizesAre1024BasedWithOneDecimal() {
        assertThat(Units.bytes(0)).isEqualTo("0 B");
        assertThat(Units.bytes(1023)).isEqualTo("1023 B");
        assertThat(Units.bytes(1024)).isEqualTo("1.0 KB");
        assertThat(Units.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(Units.bytes(7_708_007)).isEqualTo("7.4 MB");
        assertThat(Units.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GB");
        assertThat(Units.bytes(5L << 40)).isEqualTo("5.0 TB");
        assertThat(Units.bytes(2048L << 40)).as("TB is the largest unit").isEqualTo("2048.0 TB");
    }

    @Test
    void aSizeThatRoundsUpToTheNextUnitIsShownInIt() {
        assertThat(Units.bytes(1024 * 1024 - 1)).isEqualTo("1.0 MB");
        assertThat(Units.bytes(1024 * 1024 - 60)).as("1023.94 KB").isEqualTo("1023.9 KB");
    }

    @Test
    void durationsTakeTheLargestReadableUnit() {
        assertThat(Units.seconds(0)).isEqualTo("0 ms");
        assertThat(Units.seconds(0.3404)).isEqualTo("340 ms");
        assertThat(Units.seconds(0.9996)).isEqualTo("1.0 s");
        assertThat(Units.seconds(1.23)).isEqualTo("1.2 s");
        assertThat(Units.seconds(59.94)).isEqualTo("59.9 s");
        assertThat(Units.seconds(59.96)).isEqualTo("1 min");
        assertThat(Units.seconds(185)).isEqualTo("3 min");
        assertThat(Units.seconds(3569)).isEqualTo("59 min");
        assertThat(Units.seconds(3575)).isEqualTo("1.0 h");
        assertThat(Units.seconds(9000)).isEqualTo("2.5 h");
        assertThat(Units.seconds(47.9 * 3600)).isEqualTo("47.9 h");
        assertThat(Units.seconds(3 * 86_400)).isEqualTo("3.0 d");
        assertThat(Units.duration(Duration.ofMinutes(90))).isEqualTo("1.5 h");
    }

    @Test
    void ratiosArePercentagesAndMillisAreWhole() {
        assertThat(Units.percent(0.9987)).isEqualTo("99.9%");
        assertThat(Units.percent(1)).isEqualTo("100.0%");
        assertThat(Units.millis(12.5)).isEqualTo("13 ms");
    }

    @Test
    void aNegativeFigureIsNoSizeOrDuration() {
        assertThatThrownBy(() -> Units.bytes(-1)).hasMessage("a size cannot be negative: -1");
        assertThatThrownBy(() -> Units.seconds(-0.5)).hasMessage("not a duration: -0.5 s");
        assertThatThrownBy(() -> Units.seconds(Double.NaN)).hasMessage("not a duration: NaN s");
    }
}
