package io.vigil.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How old a nightly summary (a materialised view) is, and how to refresh it, in the commands' words. */
final class SummaryAge {

    private SummaryAge() {
    }

    /** "of 2026-12-03T00:15:02Z (8.5 h ago)". */
    static String asOf(Instant refreshedAt, Instant now) {
        if (refreshedAt == null) {
            return "of an unknown time (refreshed outside Vigil)";
        }
        Duration age = Duration.between(refreshedAt, now);
        return "of " + Table.text(refreshedAt) + (age.isNegative() ? "" : " (" + Units.duration(age) + " ago)");
    }

    /**
     * Who refreshes the summaries, and the command that does it now. It names a slot of its own: the current
     * nightly slot has usually run already, and a launch for it would be skipped.
     */
    static String refreshHint(Instant now) {
        return "dailyRollupJob refreshes it nightly; to refresh it now: vigil jobs launch dailyRollupJob --slot "
                + Table.text(now.truncatedTo(ChronoUnit.MINUTES));
    }
}
