package io.vigil.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The email's picture: the last 24 hours' availability as a row of coloured table cells. Images are
 * blocked by most mail clients until the reader allows them; cell background colours are shown by all.
 */
final class AvailabilityStrip {

    static final String GOOD = "#2e7d32";
    static final String WORSE = "#f9a825";
    static final String BAD = "#c62828";
    static final String NONE = "#bdbdbd";

    private AvailabilityStrip() {
    }

    /** @param hourly availability percent per hour, oldest first, the last one ending now */
    static List<Map<String, String>> cells(List<Double> hourly) {
        List<Map<String, String>> cells = new ArrayList<>();
        for (int i = 0; i < hourly.size(); i++) {
            Double percent = hourly.get(i);
            String hoursAgo = (hourly.size() - i) + " h ago";
            cells.add(Map.of("color", color(percent),
                    "title", percent == null ? hoursAgo + ": no checks" : hoursAgo + ": " + Conditions.percent(percent)));
        }
        return cells;
    }

    static String color(Double percent) {
        if (percent == null) {
            return NONE;
        }
        return percent >= 99.0 ? GOOD : percent >= 90.0 ? WORSE : BAD;
    }
}
