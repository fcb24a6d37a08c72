package io.vigil.functional;

import static io.vigil.db.jooq.Tables.ALERT;
import static io.vigil.db.jooq.Tables.ALERT_EVALUATION;
import static io.vigil.db.jooq.Tables.ALERT_RULE;
import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_JOB_INSTANCE;
import static io.vigil.db.jooq.Tables.BATCH_STEP_EXECUTION;
import static io.vigil.db.jooq.Tables.DB_STATS_SNAPSHOT;
import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static io.vigil.db.jooq.Tables.EVENT;
import static io.vigil.db.jooq.Tables.EVENT_ROLLUP_HOURLY;
import static io.vigil.db.jooq.Tables.HEALTH_ROLLUP_HOURLY;
import static io.vigil.db.jooq.Tables.MONITORED_CONNECTION;
import static io.vigil.db.jooq.Tables.SILENCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.mail.Outbox;
import io.vigil.mail.OutgoingEmail;
import io.vigil.retention.RetentionJobConfiguration;
import io.vigil.rollup.DailyRollupJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.EventData;
import io.vigil.testing.Launches;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention drops whole expired partitions, never one whose rows are not rolled up yet (hourly and
 * daily), keeps the rollups, creates partitions ahead and prunes old run history, sent emails and
 * resolved alerts.
 */
@VigilSpringTest
class RetentionJobTest {

    private static final Instant NIGHT = Instant.parse("2026-11-23T00:45:00Z");

    @Autowired SlotLauncher launcher;
    @Autowired DSLContext dsl;
    @Autowired Outbox outbox;

    /** The tests share the class's database and job instances: every run needs a slot of its own. */
    private static Instant slot = NIGHT;

    @Test
    void dropsOnlyExpiredPartitionsWhoseRowsAreRolledUp() {
        EventData data = new EventData(dsl, 3);
        // events: 90 days, so July 2026 has expired on 23 November and August has not.
        data.insertEvents(200, Instant.parse("2026-08-01T00:00:00Z"), Duration.ofDays(10));
        data.insertEvents(200, Instant.parse("2026-09-01T00:00:00Z"), Duration.ofDays(10));
        // health checks: 35 days, so September has expired and October has not.
        List<Long> connections = data.connections(2);
        data.checks(connections, Instant.parse("2026-09-29T00:00:00Z"), Instant.parse("2026-10-02T00:00:00Z"));

        run(RetentionJobConfiguration.JOB);
        assertThat(partitions()).as("nothing is rolled up yet: every partition is kept")
                .contains("event_y2026m07", "event_y2026m08", "health_check_y2026m09", "health_check_y2026m10")
                .as("and partitions are created ahead").contains("event_y2027m01", "health_check_y2027m01");

        run(RollupJobConfiguration.JOB);
        run(RetentionJobConfiguration.JOB);
        assertThat(partitions()).as("rolled up by the hour, not yet by the day: kept")
                .contains("event_y2026m07", "health_check_y2026m09");

        run(DailyRollupJobConfiguration.JOB);
        // A late event for July arrives after the rollups: July must wait for the next rollup.
        data.insertStep().values(Instant.parse("2026-07-30T12:00:00Z"), "late", "t", null, null, null,
                org.jooq.JSONB.valueOf("{}")).execute();
        run(RetentionJobConfiguration.JOB);
        assertThat(partitions()).contains("event_y2026m07").doesNotContain("health_check_y2026m09")
                .contains("health_check_y2026m10");

        run(RollupJobConfiguration.JOB);
        run(DailyRollupJobConfiguration.JOB);
        long julyHours = dsl.fetchCount(EVENT_ROLLUP_HOURLY, EVENT_ROLLUP_HOURLY.HOUR.lt(Instant.parse("2026-08-01T00:00:00Z")));
        long septemberHours = dsl.fetchCount(HEALTH_ROLLUP_HOURLY);
        run(RetentionJobConfiguration.JOB);

        assertThat(partitions()).doesNotContain("event_y2026m07", "health_check_y2026m09")
                .contains("event_y2026m08", "health_check_y2026m10");
        assertThat(dsl.fetchCount(EVENT, EVENT.OCCURRED_AT.lt(Instant.parse("2026-08-01T00:00:00Z")))).isZero();
        assertThat(julyHours).isPositive();
        assertThat(dsl.fetchCount(EVENT_ROLLUP_HOURLY, EVENT_ROLLUP_HOURLY.HOUR.lt(Instant.parse("2026-08-01T00:00:00Z"))))
                .as("the rollups outlive the raw rows").isEqualTo(julyHours);
        assertThat(dsl.fetchCount(HEALTH_ROLLUP_HOURLY)).isEqualTo(septemberHours);
    }

    @Test
    void prunesRunHistoryOlderThanItsRetentionChildrenFirst() {
        JobExecution old = run(RollupJobConfiguration.JOB);
        JobExecution recent = run(RollupJobConfiguration.JOB);
        LocalDateTime longAgo = LocalDateTime.now().minusDays(200);
        dsl.update(BATCH_JOB_EXECUTION).set(BATCH_JOB_EXECUTION.CREATE_TIME, longAgo)
                .set(BATCH_JOB_EXECUTION.END_TIME, longAgo)
                .where(BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(old.getId())).execute();

        JobExecution retention = run(RetentionJobConfiguration.JOB);

        assertThat(dsl.fetchCount(BATCH_JOB_EXECUTION, BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(old.getId()))).isZero();
        assertThat(dsl.fetchCount(BATCH_STEP_EXECUTION, BATCH_STEP_EXECUTION.JOB_EXECUTION_ID.eq(old.getId()))).isZero();
        assertThat(dsl.fetchCount(BATCH_JOB_INSTANCE, BATCH_JOB_INSTANCE.JOB_INSTANCE_ID.eq(old.getJobInstance().getInstanceId()))).isZero();
        assertThat(dsl.fetchCount(BATCH_JOB_EXECUTION, BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(recent.getId()))).isOne();
        assertThat(retention.getStepExecutions()).filteredOn(s -> s.getStepName().equals("pruneRunHistory"))
                .singleElement().satisfies(s -> assertThat(s.getWriteCount()).isEqualTo(1));
    }

    @Test
    void prunesEmailsSentOrFailedBeforeTheirRetentionButNeverPendingOnes() {
        Instant night = slot.plus(Duration.ofMinutes(5));
        Instant longAgo = night.minus(Duration.ofDays(31));
        Instant lately = night.minus(Duration.ofDays(29));
        queue("sent long ago", "SENT", longAgo, longAgo);
        queue("sent lately", "SENT", longAgo, lately);
        queue("failed long ago", "FAILED", longAgo, null);
        queue("pending long ago", "PENDING", longAgo, null);

        JobExecution retention = run(RetentionJobConfiguration.JOB);

        assertThat(dsl.select(EMAIL_OUTBOX.DEDUPE_KEY).from(EMAIL_OUTBOX).orderBy(EMAIL_OUTBOX.DEDUPE_KEY).fetch(EMAIL_OUTBOX.DEDUPE_KEY))
                .containsExactly("pending long ago", "sent lately");
        assertThat(retention.getStepExecutions()).filteredOn(s -> s.getStepName().equals("pruneSentEmails"))
                .singleElement().satisfies(s -> assertThat(s.getWriteCount()).isEqualTo(2));
    }

    @Test
    void prunesResolvedAlertsEndedSilencesAndEvaluationsButNothingActive() {
        Instant night = slot.plus(Duration.ofMinutes(5));
        Instant longAgo = night.minus(Duration.ofDays(91));
        Instant lately = night.minus(Duration.ofDays(89));
        long rule = dsl.insertInto(ALERT_RULE).set(ALERT_RULE.NAME, "down").set(ALERT_RULE.TYPE, "DOWN")
                .set(ALERT_RULE.THRESHOLD, 2.0).set(ALERT_RULE.WINDOW_SECONDS, 3600).set(ALERT_RULE.FOR_SECONDS, 0)
                .set(ALERT_RULE.SEVERITY, "CRITICAL").set(ALERT_RULE.REPEAT_INTERVAL_SECONDS, 14400)
                .set(ALERT_RULE.SEND_RESOLVED, true).set(ALERT_RULE.CREATED_AT, longAgo).set(ALERT_RULE.UPDATED_AT, longAgo)
                .returning(ALERT_RULE.ID).fetchOne().getId();
        alert(rule, "resolved long ago", "RESOLVED", longAgo);
        alert(rule, "resolved lately", "RESOLVED", lately);
        alert(rule, "firing for months", "FIRING", null);
        silence("ended long ago", longAgo, null);
        silence("expired long ago", lately, longAgo);
        silence("ended lately", lately, null);
        silence("for a year", night.plus(Duration.ofDays(300)), null);
        for (Instant evaluated : List.of(longAgo.minus(Duration.ofDays(1)), longAgo)) {
            dsl.insertInto(ALERT_EVALUATION).set(ALERT_EVALUATION.SLOT, evaluated).set(ALERT_EVALUATION.EVALUATED_AT, evaluated)
                    .set(ALERT_EVALUATION.ALERTS_CHANGED, 0).set(ALERT_EVALUATION.EMAILS_QUEUED, 0).execute();
        }

        JobExecution retention = run(RetentionJobConfiguration.JOB);

        assertThat(dsl.select(ALERT.SUBJECT).from(ALERT).orderBy(ALERT.SUBJECT).fetch(ALERT.SUBJECT))
                .containsExactly("firing for months", "resolved lately");
        assertThat(dsl.select(SILENCE.COMMENT).from(SILENCE).orderBy(SILENCE.COMMENT).fetch(SILENCE.COMMENT))
                .containsExactly("ended lately", "for a year");
        assertThat(dsl.select(ALERT_EVALUATION.SLOT).from(ALERT_EVALUATION).fetch(ALERT_EVALUATION.SLOT))
                .as("the latest evaluation stays, however old").containsExactly(longAgo);
        assertThat(retention.getStepExecutions()).filteredOn(s -> s.getStepName().equals("pruneAlertHistory"))
                .singleElement().satisfies(s -> assertThat(s.getWriteCount()).isEqualTo(1));
    }

    @Test
    void prunesStatsSnapshotsOlderThanTheirRetention() {
        Instant night = slot.plus(Duration.ofMinutes(5));
        long connection = dsl.insertInto(MONITORED_CONNECTION).set(MONITORED_CONNECTION.NAME, "stats-db")
                .set(MONITORED_CONNECTION.PROVIDER, "POSTGRESQL").set(MONITORED_CONNECTION.ADDRESS, "127.0.0.1:1/stats")
                .set(MONITORED_CONNECTION.TIMEOUT_MS, 1000).set(MONITORED_CONNECTION.LATENCY_SLO_MS, 500)
                .returning(MONITORED_CONNECTION.ID).fetchOne(MONITORED_CONNECTION.ID);
        for (Duration age : List.of(Duration.ofDays(91), Duration.ofDays(89))) {
            Instant taken = night.minus(age);
            dsl.insertInto(DB_STATS_SNAPSHOT).set(DB_STATS_SNAPSHOT.CONNECTION_ID, connection)
                    .set(DB_STATS_SNAPSHOT.SLOT, taken).set(DB_STATS_SNAPSHOT.TAKEN_AT, taken).execute();
        }

        JobExecution retention = run(RetentionJobConfiguration.JOB);

        assertThat(dsl.select(DB_STATS_SNAPSHOT.SLOT).from(DB_STATS_SNAPSHOT).fetch(DB_STATS_SNAPSHOT.SLOT))
                .containsExactly(night.minus(Duration.ofDays(89)));
        assertThat(retention.getStepExecutions()).filteredOn(s -> s.getStepName().equals("pruneStatsSnapshots"))
                .singleElement().satisfies(s -> assertThat(s.getWriteCount()).isEqualTo(1));
    }

    private void alert(long rule, String subject, String state, Instant resolvedAt) {
        Instant since = resolvedAt == null ? Instant.parse("2026-01-01T00:00:00Z") : resolvedAt.minus(Duration.ofHours(1));
        dsl.insertInto(ALERT).set(ALERT.RULE_ID, rule).set(ALERT.SUBJECT, subject).set(ALERT.STATE, state)
                .set(ALERT.SINCE, since).set(ALERT.RESOLVED_AT, resolvedAt).set(ALERT.DESCRIPTION, subject)
                .set(ALERT.UPDATED_AT, since).execute();
    }

    private void silence(String comment, Instant endsAt, Instant expiredAt) {
        dsl.insertInto(SILENCE).set(SILENCE.CONNECTION_NAME, "orders-db").set(SILENCE.STARTS_AT, endsAt.minus(Duration.ofHours(2)))
                .set(SILENCE.ENDS_AT, endsAt).set(SILENCE.EXPIRED_AT, expiredAt).set(SILENCE.COMMENT, comment)
                .set(SILENCE.AUTHOR, "test").set(SILENCE.CREATED_AT, endsAt.minus(Duration.ofHours(2))).execute();
    }

    private void queue(String key, String status, Instant created, Instant sent) {
        dsl.transaction(tx -> outbox.enqueue(tx.dsl(), new OutgoingEmail(key, List.of("ops@example.com"), key, "text",
                "<p>html</p>", null, null, null)));
        dsl.update(EMAIL_OUTBOX).set(EMAIL_OUTBOX.STATUS, status).set(EMAIL_OUTBOX.CREATED_AT, created)
                .set(EMAIL_OUTBOX.SENT_AT, sent).where(EMAIL_OUTBOX.DEDUPE_KEY.eq(key)).execute();
    }

    private List<String> partitions() {
        return dsl.resultQuery("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent IN ('vigil.event'::regclass, 'vigil.health_check'::regclass) ORDER BY 1""")
                .fetch(0, String.class);
    }

    private JobExecution run(String job) {
        slot = slot.plus(Duration.ofMinutes(5));
        return Launches.completed(launcher.launch(job, Slot.of(slot), "test"));
    }
}
