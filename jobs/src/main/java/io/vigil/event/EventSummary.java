package io.vigil.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The materialised view {@code event_daily_summary} over some days, as {@code vigil events summary}
 * shows it.
 *
 * @param refreshed   false while the view was never refreshed; days is empty then
 * @param refreshedAt when it was last refreshed; null if never, or refreshed outside Vigil
 * @param from        the first day asked for (UTC days, as the rollups count them)
 * @param to          the last day asked for: today
 * @param source      the source asked for; null for all
 * @param days        newest day first, then by source
 * @param readAt      when this was read, so that the summary's age can be told
 */
public record EventSummary(boolean refreshed, Instant refreshedAt, LocalDate from, LocalDate to, String source,
                           List<Day> days, Instant readAt) {

    public EventSummary {
        days = List.copyOf(days);
    }

    /**
     * One source's day.
     *
     * @param failureRate failures over events; null for a day without events
     * @param types       how many event types the source sent that day
     * @param valueSum    the sum of the events' values; null if none had one
     */
    public record Day(LocalDate day, String source, long events, long failures, Double failureRate, long types,
                      Double valueSum) {
    }
}
