package io.vigil.schedule;

import static io.vigil.db.jooq.Tables.QRTZ_CRON_TRIGGERS;
import static io.vigil.db.jooq.Tables.QRTZ_TRIGGERS;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.quartz.CronTrigger;

/**
 * The schedules as Quartz's JDBC store holds them, read with jOOQ so that {@code vigil schedule list}
 * starts no scheduler. Quartz keeps fire times in epoch milliseconds, and reports a trigger that is
 * paused while its job runs (PAUSED_BLOCKED) as paused too.
 */
public class ScheduleQueries {

    private final DSLContext dsl;
    private final String schedulerName;

    /** @param schedulerName Quartz's {@code spring.quartz.scheduler-name}, which its rows are keyed by */
    public ScheduleQueries(DSLContext dsl, String schedulerName) {
        this.dsl = dsl;
        this.schedulerName = schedulerName;
    }

    /** By job name. */
    public List<ScheduleInfo> list() {
        var t = QRTZ_TRIGGERS;
        var cron = QRTZ_CRON_TRIGGERS;
        return dsl.select(t.TRIGGER_NAME, cron.CRON_EXPRESSION, cron.TIME_ZONE_ID, t.MISFIRE_INSTR, t.PREV_FIRE_TIME,
                        t.NEXT_FIRE_TIME, t.TRIGGER_STATE)
                .from(t)
                .join(cron).on(cron.SCHED_NAME.eq(t.SCHED_NAME), cron.TRIGGER_NAME.eq(t.TRIGGER_NAME),
                        cron.TRIGGER_GROUP.eq(t.TRIGGER_GROUP))
                .where(t.SCHED_NAME.eq(schedulerName), t.TRIGGER_GROUP.eq(ScheduleReconciler.GROUP))
                .orderBy(t.TRIGGER_NAME)
                .fetch(r -> new ScheduleInfo(r.value1(), r.value2(), r.value3(),
                        r.value4() != null && r.value4() == CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING
                                ? MisfirePolicy.SKIP.name() : MisfirePolicy.FIRE_NOW.name(),
                        instant(r.value5()), instant(r.value6()),
                        r.value7().equals("PAUSED") || r.value7().equals("PAUSED_BLOCKED")));
    }

    /** Quartz writes -1 or leaves the column empty when there is no such firing. */
    private static Instant instant(Long epochMillis) {
        return epochMillis == null || epochMillis < 0 ? null : Instant.ofEpochMilli(epochMillis);
    }
}
