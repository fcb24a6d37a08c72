package io.vigil.bench;

import java.util.Locale;

/** Seconds from the start of a measurement to the first request at a target and to the end of the last probe. */
record Timeline(double firstRequest, double lastProbeEnd) {

    String describe(double total) {
        return String.format(Locale.ROOT, "before the first probe %.2f s, probing %.2f s, after the last probe %.2f s",
                firstRequest, lastProbeEnd - firstRequest, total - lastProbeEnd);
    }
}
