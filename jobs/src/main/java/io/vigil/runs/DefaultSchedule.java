package io.vigil.runs;

/**
 * The schedule a job family ships for its job: a Quartz cron expression (with seconds) in UTC, fired
 * late rather than skipped after a misfire. {@code vigil.schedules.<job>.*} overrides any part of it.
 */
public record DefaultSchedule(String job, String cron) {
}
