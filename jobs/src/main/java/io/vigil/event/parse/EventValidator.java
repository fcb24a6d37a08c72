package io.vigil.event.parse;

import java.time.Duration;
import java.time.Instant;

/**
 * The checks a parsed event must pass before it is loaded: its time is neither further in the future
 * than clocks plausibly drift, nor older than the events' retention (its partition is gone, or goes
 * tonight, and the rollups would never see it).
 */
public final class EventValidator {

    private final Duration maxFutureSkew;
    private final Duration retention;

    public EventValidator(Duration maxFutureSkew, Duration retention) {
        this.maxFutureSkew = maxFutureSkew;
        this.retention = retention;
    }

    public void validate(EventLine event, Instant now) throws BadLineException {
        for (String text : new String[] {event.source(), event.type(), event.subject(), event.properties()}) {
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw new BadLineException("contains a NUL character, which PostgreSQL text cannot hold");
            }
        }
        if (event.occurredAt().isAfter(now.plus(maxFutureSkew))) {
            throw new BadLineException("occurred_at " + event.occurredAt() + " is more than " + maxFutureSkew
                    + " in the future (now " + now + "; vigil.events.max-future-skew)");
        }
        if (event.occurredAt().isBefore(now.minus(retention))) {
            throw new BadLineException("occurred_at " + event.occurredAt() + " is older than the event retention of "
                    + retention.toDays() + " days (vigil.retention.events)");
        }
    }

    public Instant oldestAccepted(Instant now) {
        return now.minus(retention);
    }

    public Instant newestAccepted(Instant now) {
        return now.plus(maxFutureSkew);
    }
}
