package io.vigil.alert.notification;

import io.vigil.alert.evaluation.Conditions;

/**
 * An availability figure with what it rests on, as the emails and {@code vigil fleet show} say it:
 * skipped checks measured nothing, so they are named, not counted.
 */
public final class AvailabilityText {

    private AvailabilityText() {
    }

    /**
     * "98.3% of 287 checks over the last 24 hours (1 skipped, not counted)"; null if there was no check at all.
     *
     * @param percent null when no check was real
     * @param period  as it follows "over the last", e.g. "24 hours"
     */
    public static String of(Double percent, long checks, long skipped, String period) {
        String skippedText = skipped == 0 ? "" : " (" + skipped + " skipped, not counted)";
        if (percent == null) {
            return skipped == 0 ? null : "no real check in the last " + period + skippedText;
        }
        return Conditions.percent(percent) + " of " + checks + (checks == 1 ? " check" : " checks")
                + " over the last " + period + skippedText;
    }
}
