package io.vigil.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The slot a firing is for: the latest time the schedule's cron expression names at or before the
 * firing's scheduled time. On time, that is the scheduled time itself. After a misfire Quartz reports
 * the late actual time (10:07 for a missed 10:05), and the slot is still the period it falls in (10:05),
 * so a late or repeated firing maps to the same slot and cannot run it twice.
 */
public final class SlotResolver {

    private static final Duration LONGEST_LOOKBACK = Duration.ofDays(366 * 2);

    private final CronExpression cron;

    public SlotResolver(String cronExpression, TimeZone zone) {
        this.cron = parse(cronExpression);
        this.cron.setTimeZone(zone);
    }

    public static CronExpression parse(String cronExpression) {
        try {
            return new CronExpression(cronExpression);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid cron expression '" + cronExpression + "': " + e.getMessage()
                    + " (Quartz syntax with seconds, for example \"0 */5 * * * ?\")", e);
        }
    }

    public Instant slotFor(Instant fireTime) {
        // Quartz has no "previous fire time" for a cron expression: look back over growing windows and
        // walk forward to the last match that is not after the firing.
        for (Duration window = Duration.ofMinutes(10); window.compareTo(LONGEST_LOOKBACK) <= 0; window = window.multipliedBy(4)) {
            Instant latest = latestMatch(fireTime.minus(window), fireTime);
            if (latest != null) {
                return latest;
            }
        }
        throw new IllegalStateException("cron expression " + cron.getCronExpression()
                + " names no time in the two years before " + fireTime);
    }

    /** The first time the schedule names after {@code slot}: where the slot's period ends. */
    public Instant nextAfter(Instant slot) {
        Date next = cron.getNextValidTimeAfter(Date.from(slot));
        if (next == null) {
            throw new IllegalStateException("cron expression " + cron.getCronExpression() + " names no time after " + slot);
        }
        return next.toInstant();
    }

    private Instant latestMatch(Instant from, Instant notAfter) {
        Instant latest = null;
        Date next = cron.getNextValidTimeAfter(Date.from(from.minusSeconds(1)));
        while (next != null && !next.toInstant().isAfter(notAfter)) {
            latest = next.toInstant();
            next = cron.getNextValidTimeAfter(next);
        }
        return latest;
    }
}
