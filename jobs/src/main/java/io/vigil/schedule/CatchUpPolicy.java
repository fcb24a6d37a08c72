package io.vigil.schedule;

import io.vigil.runs.NodeLossDecision;
import io.vigil.runs.NodeLossPolicy;
import io.vigil.runs.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;

/**
 * Whether a run taken from a lost node is restarted: by {@code vigil.schedules.<job>.on-node-loss}
 * (default {@code restart}), while its slot is within the job's catch-up window. The window is
 * {@code vigil.schedules.<job>.catch-up}, by default twice the job's period and at most six hours: a
 * five-minute job restarts while its slot is the current or the previous one (older than that, the next
 * slots have started and a late health check says less than theirs); a nightly job restarts the same
 * night, but not into the working day, where a late rollup competes with daytime load and the morning's
 * digest has gone out: an operator decides then.
 */
public class CatchUpPolicy implements NodeLossPolicy {

    static final Duration LONGEST_DEFAULT_WINDOW = Duration.ofHours(6);

    private final Schedules schedules;

    public CatchUpPolicy(Schedules schedules) {
        this.schedules = schedules;
    }

    @Override
    public NodeLossDecision decide(String job, Slot slot, Instant now) {
        SchedulesProperties.Schedule schedule = schedules.all().get(job);
        if (schedule == null) {
            return NodeLossDecision.leave(job + " has no schedule, so no catch-up window: an operator decides");
        }
        if (schedule.onNodeLoss() == OnNodeLoss.LEAVE) {
            return NodeLossDecision.leave("on-node-loss is leave for " + job + ": an operator decides");
        }
        Duration window = window(schedule, slot);
        if (now.isBefore(slot.start().plus(window))) {
            return NodeLossDecision.restart("its slot " + slot + " is within " + job + "'s catch-up window ("
                    + text(window) + " from the slot's start)");
        }
        return NodeLossDecision.leave("its slot " + slot + " is past " + job + "'s catch-up window (" + text(window)
                + " from the slot's start): an operator decides");
    }

    static Duration window(SchedulesProperties.Schedule schedule, Slot slot) {
        if (schedule.catchUp() != null) {
            return schedule.catchUp();
        }
        Instant next = new SlotResolver(schedule.cron(), TimeZone.getTimeZone(schedule.zone())).nextAfter(slot.start());
        Duration twice = Duration.between(slot.start(), next).multipliedBy(2);
        return twice.compareTo(LONGEST_DEFAULT_WINDOW) < 0 ? twice : LONGEST_DEFAULT_WINDOW;
    }

    private static String text(Duration duration) {
        if (duration.toSecondsPart() != 0 || duration.toMillisPart() != 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMinutesPart() == 0 ? duration.toHours() + "h" : duration.toMinutes() + "m";
    }
}
