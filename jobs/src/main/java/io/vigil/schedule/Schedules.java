package io.vigil.schedule;

import io.vigil.runs.DefaultSchedule;
import io.vigil.runs.Slot;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * The schedules in force: each job family's default, overridden by whatever {@code vigil.schedules.<job>}
 * sets (a configuration that only says {@code enabled: false} keeps the default cron), plus schedules
 * configured for jobs that ship none.
 */
public class Schedules {

    private final Map<String, SchedulesProperties.Schedule> all = new TreeMap<>();

    public Schedules(List<DefaultSchedule> defaults, SchedulesProperties configured) {
        defaults.forEach(d -> all.put(d.job(), new SchedulesProperties.Schedule(d.cron(), null, null, null, null, null)));
        configured.schedules().forEach((job, schedule) -> all.merge(job, schedule, Schedules::override));
    }

    private static SchedulesProperties.Schedule override(SchedulesProperties.Schedule shipped,
                                                         SchedulesProperties.Schedule configured) {
        String cron = configured.cron() == null || configured.cron().isBlank() ? shipped.cron() : configured.cron();
        return new SchedulesProperties.Schedule(cron, configured.zone(), configured.misfire(), configured.enabled(),
                configured.onNodeLoss(), configured.catchUp());
    }

    /** Every schedule, switched off or not, by job name. */
    public Map<String, SchedulesProperties.Schedule> all() {
        return Collections.unmodifiableMap(all);
    }

    /** What Quartz should hold: the schedules not switched off with {@code enabled: false}. */
    public Map<String, SchedulesProperties.Schedule> enabled() {
        Map<String, SchedulesProperties.Schedule> enabled = new LinkedHashMap<>();
        all.forEach((job, schedule) -> {
            if (schedule.enabled()) {
                enabled.put(job, schedule);
            }
        });
        return enabled;
    }

    /**
     * The slot a job launched by hand runs for when none is given: the period of its schedule in progress
     * (the one the scheduler fired, or will fire, for), so that a manual launch and the scheduled one are
     * the same slot and cannot both run. A disabled schedule still defines the job's period; a job with
     * no schedule at all gets the current minute.
     */
    public Slot currentSlot(String job, Clock clock) {
        SchedulesProperties.Schedule schedule = all.get(job);
        if (schedule == null) {
            return Slot.of(clock.instant().truncatedTo(ChronoUnit.MINUTES));
        }
        return Slot.of(new SlotResolver(schedule.cron(), TimeZone.getTimeZone(schedule.zone())).slotFor(clock.instant()));
    }
}
