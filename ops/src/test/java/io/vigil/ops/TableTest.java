package io.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsColumnsToTheWidestCellWithoutTrailingSpaces() {
        String text = Table.of("ID", "JOB", "STATUS")
                .row(7, "healthCheckJob", "COMPLETED")
                .row(12, "x", null)
                .render();

        assertThat(text).isEqualTo("""
                ID  JOB             STATUS
                7   healthCheckJob  COMPLETED
                12  x               -
                """);
    }

    @Test
    void rendersOnlyTheHeaderWhenThereAreNoRows() {
        assertThat(Table.of("A", "BB").render()).isEqualTo("A  BB\n");
        assertThat(Table.of("A").isEmpty()).isTrue();
    }

    @Test
    void writesTimesAsIsoToTheSecond() {
        assertThat(Table.text(Instant.parse("2026-11-23T10:05:00.123456Z"))).isEqualTo("2026-11-23T10:05:00Z");
        assertThat(Table.text(LocalDateTime.parse("2026-11-23T10:05:00.5"))).isEqualTo("2026-11-23T10:05:00");
        assertThat(Table.text(OffsetDateTime.parse("2026-11-23T11:05:07+01:00"))).isEqualTo("2026-11-23T10:05:07Z");
    }

    @Test
    void writesOtherValuesReadably() {
        assertThat(Table.text(null)).isEqualTo("-");
        assertThat(Table.text("")).isEqualTo("-");
        assertThat(Table.text(true)).isEqualTo("yes");
        assertThat(Table.text(false)).isEqualTo("no");
        assertThat(Table.text(1503.4567)).isEqualTo("1503");
        assertThat(Table.text(12.3456)).isEqualTo("12.35");
        assertThat(Table.text(0.998765)).isEqualTo("0.9988");
        assertThat(Table.text(2.0)).isEqualTo("2");
        assertThat(Table.text(List.of("demo", "http"))).isEqualTo("demo,http");
        assertThat(Table.text(List.of())).isEqualTo("-");
        assertThat(Table.text("line one\n  line two")).isEqualTo("line one line two");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> Table.of("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row of 1 cells in a table of 2 columns");
    }

    @Test
    void labelledLinesKeepTheirColumnAndALongLabelPushesItRight() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("connections", "1 of 97");
        lines.put("database size", "7.4 MB");

        assertThat(Table.labelled(lines)).isEqualTo(String.format("  connections           1 of 97%n"
                + "  database size         7.4 MB%n"));

        lines.put("a label of twenty-six chars", "x");
        assertThat(Table.labelled(lines)).isEqualTo(String.format("  connections                 1 of 97%n"
                + "  database size               7.4 MB%n"
                + "  a label of twenty-six chars x%n"));
    }
}
