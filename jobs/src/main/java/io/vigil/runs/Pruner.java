package io.vigil.runs;

import java.time.Duration;
import java.time.Instant;

/**
 * What a job family contributes to the nightly retention job: one kind of old data it deletes. The
 * retention job runs each pruner as a step of its own, in its own transaction, with the cutoff its slot
 * minus {@code vigil.retention.<name>} (or the default), so a restart decides the same.
 *
 * @param name             the key under {@code vigil.retention}, e.g. {@code emails}
 * @param step             the retention job's step that runs it, e.g. {@code pruneSentEmails}
 * @param defaultRetention how long the data is kept unless configured otherwise
 */
public record Pruner(String name, String step, Duration defaultRetention, Action action) {

    /** Deletes what is older than the cutoff, in the caller's transaction; returns how much went. */
    @FunctionalInterface
    public interface Action {
        int pruneBefore(Instant cutoff);
    }

    public Pruner {
        if (defaultRetention.isNegative() || defaultRetention.isZero()) {
            throw new IllegalArgumentException("pruner " + name + ": the default retention must be positive");
        }
    }
}
