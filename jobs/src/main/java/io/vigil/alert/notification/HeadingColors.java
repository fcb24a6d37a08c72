package io.vigil.alert.notification;

import io.vigil.alert.rule.Severity;
import java.util.Map;

/**
 * The colours of a notice's heading, by state and severity, as Alertmanager's emails colour theirs:
 * resolved green, otherwise red, amber or blue by severity. Each with an ink that reads on it (dark on
 * amber, white on the others); the templates put them in inline styles, which email clients keep.
 */
final class HeadingColors {

    static final String CRITICAL = "#c62828";
    static final String WARNING = "#f9a825";
    static final String INFO = "#1565c0";
    static final String RESOLVED = "#2e7d32";
    static final String WHITE = "#ffffff";
    static final String DARK = "#212121";

    private HeadingColors() {
    }

    static Map<String, String> of(boolean firing, Severity severity) {
        if (!firing) {
            return colors(RESOLVED, WHITE);
        }
        return switch (severity) {
            case CRITICAL -> colors(CRITICAL, WHITE);
            case WARNING -> colors(WARNING, DARK);
            case INFO -> colors(INFO, WHITE);
        };
    }

    private static Map<String, String> colors(String background, String ink) {
        return Map.of("color", background, "ink", ink);
    }
}
