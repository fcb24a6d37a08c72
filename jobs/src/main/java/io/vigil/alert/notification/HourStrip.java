package io.vigil.alert.notification;

import io.vigil.alert.evaluation.Conditions;
import io.vigil.alert.evaluation.ConnectionFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The email's picture: the last 24 hours hour by hour, as a row of coloured table cells for the HTML part
 * (images are blocked by most mail clients until the reader allows them; cell background colours are shown
 * by all) and as a line of block characters for the text part, both with a time axis and a legend. An
 * availability strip for most alerts; for a LATENCY alert, each hour's p95 against the latency SLO.
 */
final class HourStrip {

    static final String GOOD = "#2e7d32";
    static final String WORSE = "#f9a825";
    static final String BAD = "#c62828";
    static final String NONE = "#bdbdbd";
    /** Cells per label of the time axis: four labels for a day, which fit under a 390 px screen's strip. */
    static final int AXIS_STEP = 6;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private enum Grade {
        GOOD('█', HourStrip.GOOD), WORSE('▄', HourStrip.WORSE), BAD('▁', HourStrip.BAD), NONE('·', HourStrip.NONE);

        final char symbol;
        final String color;

        Grade(char symbol, String color) {
            this.symbol = symbol;
            this.color = color;
        }
    }

    private HourStrip() {
    }

    /** Availability per hour: 99% or more, 90% or more, lower, no checks. */
    static Map<String, Object> availability(ConnectionFacts facts) {
        List<Grade> grades = facts.hourly().stream()
                .map(p -> p == null ? Grade.NONE : p >= 99.0 ? Grade.GOOD : p >= 90.0 ? Grade.WORSE : Grade.BAD).toList();
        List<String> values = facts.hourly().stream().map(p -> p == null ? "no checks" : Conditions.percent(p)).toList();
        return strip(facts, "Availability", grades, values,
                List.of("≥ 99%", "≥ 90%", "lower", "no checks"));
    }

    /** p95 latency of the answers per hour: within the SLO, up to twice it, more, no answers. */
    static Map<String, Object> latency(ConnectionFacts facts) {
        long slo = facts.latencySloMs();
        List<Grade> grades = facts.hourlyP95().stream()
                .map(p -> p == null ? Grade.NONE : p <= slo ? Grade.GOOD : p <= 2 * slo ? Grade.WORSE : Grade.BAD).toList();
        List<String> values = facts.hourlyP95().stream().map(p -> p == null ? "no answers" : "p95 " + Math.round(p) + " ms")
                .toList();
        return strip(facts, "p95 latency", grades, values,
                List.of("≤ SLO " + slo + " ms", "≤ " + 2 * slo + " ms", "slower", "no answers"));
    }

    private static Map<String, Object> strip(ConnectionFacts facts, String what, List<Grade> grades, List<String> values,
                                             List<String> labels) {
        int hours = grades.size();
        Instant end = facts.asOf();
        Instant start = end.minus(Duration.ofHours(hours));
        List<Map<String, String>> cells = new ArrayList<>();
        List<Map<String, String>> axis = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        StringBuilder axisLine = new StringBuilder();
        for (int i = 0; i < hours; i++) {
            Instant from = start.plus(Duration.ofHours(i));
            Grade grade = grades.get(i);
            cells.add(Map.of("color", grade.color,
                    "title", HOUR.format(from) + "–" + HOUR.format(from.plus(Duration.ofHours(1))) + " UTC: " + values.get(i)));
            if (i % AXIS_STEP == 0) {
                axis.add(Map.of("label", HOUR.format(from), "span", Integer.toString(Math.min(AXIS_STEP, hours - i))));
                // A label per six characters, over the hour it names: "12:00" and a space are six.
                axisLine.append(String.format("%-" + AXIS_STEP + "s", HOUR.format(from)));
            }
            line.append(grade.symbol);
        }
        List<Map<String, String>> legend = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (Grade grade : Grade.values()) {
            String label = labels.get(grade.ordinal());
            legend.add(Map.of("color", grade.color, "label", label));
            key.append(key.isEmpty() ? "" : ", ").append(grade.symbol).append(' ').append(label);
        }
        Map<String, Object> strip = new LinkedHashMap<>();
        strip.put("caption", what + " by hour, " + DAY_HOUR.format(start) + " to " + DAY_HOUR.format(end) + " UTC");
        strip.put("cells", cells);
        strip.put("axis", axis);
        strip.put("legend", legend);
        strip.put("line", line.toString());
        strip.put("axisLine", axisLine.toString().strip());
        strip.put("key", key.toString());
        return strip;
    }
}
