package io.vigil.ops;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plain-text table with left-aligned columns, for the human-readable output of the commands. Times
 * are ISO-8601 to the second, so that they line up and can be pasted into {@code --slot}; an absent
 * value shows as {@code -}.
 */
public final class Table {

    private static final String GAP = "  ";
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    public static Table of(String... headers) {
        return new Table(List.of(headers));
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size()
                    + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(text(cell));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (List<String> line : lines()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i == 0 ? "" : GAP).append(line.get(i)).append(" ".repeat(widths[i] - line.get(i).length()));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(headers);
        lines.addAll(rows);
        return lines;
    }

    /**
     * Label-and-text lines, indented, the texts in one column: at column 24, or further right when a label
     * is longer, so that every label keeps a space after it.
     */
    public static String labelled(Map<String, String> lines) {
        int width = Math.max(22, lines.keySet().stream().mapToInt(String::length).max().orElse(0) + 1);
        StringBuilder out = new StringBuilder();
        lines.forEach((label, text) -> out.append("  ").append(label).append(" ".repeat(width - label.length()))
                .append(text).append(System.lineSeparator()));
        return out.toString();
    }

    /** How one value reads in a table or a detail line. */
    public static String text(Object value) {
        return switch (value) {
            case null -> "-";
            case Instant instant -> DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
            case OffsetDateTime time -> text(time.toInstant());
            case LocalDateTime time -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
            case Double number -> number.isNaN() || number.isInfinite() ? number.toString()
                    : new BigDecimal(number).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
            case Boolean flag -> flag ? "yes" : "no";
            case Collection<?> values -> values.isEmpty() ? "-"
                    : values.stream().map(Table::text).collect(Collectors.joining(","));
            case String string -> string.isEmpty() ? "-" : oneLine(string);
            default -> oneLine(value.toString());
        };
    }

    // A line break inside a cell would break the alignment of every row below it.
    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
