package io.vigil.alert.notification;

import io.vigil.alert.evaluation.Conditions;
import io.vigil.alert.evaluation.ConnectionFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The email's picture: the last 24 hours' availability hour by hour, as a row of coloured table cells for
 * the HTML part (images are blocked by most mail clients until the reader allows them; cell background
 * colours are shown by all) and as a line of block characters for the text part.
 */
final class AvailabilityStrip {

    static final String GOOD = "#2e7d32";
    static final String WORSE = "#f9a825";
    static final String BAD = "#c62828";
    static final String NONE = "#bdbdbd";

    private AvailabilityStrip() {
    }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    static List<Map<String, String>> cells(ConnectionFacts facts) {
        List<Double> hourly = facts.hourly();
        List<Map<String, String>> cells = new ArrayList<>();
        for (int i = 0; i < hourly.size(); i++) {
            Double percent = hourly.get(i);
            Instant end = facts.asOf().minus(Duration.ofHours(hourly.size() - 1 - i));
            String hour = HOUR.format(end.minus(Duration.ofHours(1))) + "–" + HOUR.format(end) + " UTC: ";
            cells.add(Map.of("color", color(percent),
                    "title", hour + (percent == null ? "no checks" : Conditions.percent(percent))));
        }
        return cells;
    }

    /** {@code █} 99% or more, {@code ▄} 90% or more, {@code ▁} below, {@code ·} no checks; oldest first. */
    static String line(ConnectionFacts facts) {
        StringBuilder line = new StringBuilder();
        for (Double percent : facts.hourly()) {
            line.append(percent == null ? '·' : percent >= 99.0 ? '█' : percent >= 90.0 ? '▄' : '▁');
        }
        return line.toString();
    }

    static String color(Double percent) {
        if (percent == null) {
            return NONE;
        }
        return percent >= 99.0 ? GOOD : percent >= 90.0 ? WORSE : BAD;
    }
}
