package io.vigil.health.fleet;

import io.vigil.health.probe.DbStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One connection in full, as {@code vigil fleet show} shows it: its latest check, its circuit, its
 * availability from the nightly summary, its latest stats snapshot and its recent status changes.
 *
 * @param stats         the latest stats snapshot; null if no probe of it ever took one
 * @param statusChanges newest first
 * @param oldestCheckAt the oldest real check kept, from which status changes can be seen; null before the first
 * @param readAt        when this was read, so that the summary's age can be told
 */
public record ConnectionDetail(FleetStatus connection, Circuit circuit, Summary summary, Snapshot stats,
                               List<StatusChange> statusChanges, Instant oldestCheckAt, Instant readAt) {

    public ConnectionDetail {
        statusChanges = List.copyOf(statusChanges);
    }

    /** The circuit: CLOSED with no failures and no times for a connection that never failed. */
    public record Circuit(String state, int consecutiveFailures, Instant openedAt, Instant nextAttemptAt) {
    }

    /**
     * The connection's rows of the materialised view {@code connection_health_summary}.
     *
     * @param refreshed   false while the view was never refreshed; windows is empty then
     * @param refreshedAt when it was last refreshed; null if never, or refreshed outside Vigil
     * @param windows     24 hours, 7 and 30 days; empty if the connection was added after the refresh
     */
    public record Summary(boolean refreshed, Instant refreshedAt, List<Window> windows) {

        public Summary {
            windows = List.copyOf(windows);
        }
    }

    /**
     * One period of the summary.
     *
     * @param availabilityPercent UP and DEGRADED checks over the real ones; null without a real check
     * @param checks              the real (probed) checks the availability rests on
     * @param skipped             the period's SKIPPED checks: they measured nothing, so they are not counted
     * @param latencyP95Ms        the p95 latency of the period's checks; null without any
     */
    public record Window(String period, Duration span, Double availabilityPercent, long checks, long skipped,
                         Double latencyP95Ms) {
    }

    /** A stats snapshot, from the probe of {@code slot}. */
    public record Snapshot(Instant slot, Instant takenAt, DbStats stats) {
    }

    /** A real check whose status differs from that of the real check before it. */
    public record StatusChange(Instant checkedAt, String from, String to, String error) {
    }
}
