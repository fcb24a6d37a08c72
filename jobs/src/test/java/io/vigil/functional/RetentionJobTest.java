package io.vigil.functional;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static io.vigil.db.jooq.Tables.BATCH_JOB_INSTANCE;
import static io.vigil.db.jooq.Tables.BATCH_STEP_EXECUTION;
import static io.vigil.db.jooq.Tables.EMAIL_OUTBOX;
import static io.vigil.db.jooq.Tables.EVENT;
import static io.vigil.db.jooq.Tables.EVENT_ROLLUP_HOURLY;
import static io.vigil.db.jooq.Tables.HEALTH_ROLLUP_HOURLY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.mail.OutgoingEmail;
import io.vigil.mail.Outbox;
import io.vigil.retention.RetentionJobConfiguration;
import io.vigil.rollup.DailyRollupJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.EventData;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention drops whole expired partitions, never one whose rows are not rolled up yet (hourly and
 * daily), keeps the rollups, creates partitions ahead and prunes old run history and sent emails.
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
        data.insertStep().values(java.time.OffsetDateTime.parse("2026-07-30T12:00:00Z"), "late", "t", null, null, null,
                org.jooq.JSONB.valueOf("{}")).execute();
        run(RetentionJobConfiguration.JOB);
        assertThat(partitions()).contains("event_y2026m07").doesNotContain("health_check_y2026m09")
                .contains("health_check_y2026m10");

        run(RollupJobConfiguration.JOB);
        run(DailyRollupJobConfiguration.JOB);
        long julyHours = dsl.fetchCount(EVENT_ROLLUP_HOURLY, EVENT_ROLLUP_HOURLY.HOUR.lt(java.time.OffsetDateTime.parse("2026-08-01T00:00:00Z")));
        long septemberHours = dsl.fetchCount(HEALTH_ROLLUP_HOURLY);
        run(RetentionJobConfiguration.JOB);

        assertThat(partitions()).doesNotContain("event_y2026m07", "health_check_y2026m09")
                .contains("event_y2026m08", "health_check_y2026m10");
        assertThat(dsl.fetchCount(EVENT, EVENT.OCCURRED_AT.lt(java.time.OffsetDateTime.parse("2026-08-01T00:00:00Z")))).isZero();
        assertThat(julyHours).isPositive();
        assertThat(dsl.fetchCount(EVENT_ROLLUP_HOURLY, EVENT_ROLLUP_HOURLY.HOUR.lt(java.time.OffsetDateTime.parse("2026-08-01T00:00:00Z"))))
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
        OffsetDateTime longAgo = night.minus(Duration.ofDays(31)).atOffset(ZoneOffset.UTC);
        OffsetDateTime lately = night.minus(Duration.ofDays(29)).atOffset(ZoneOffset.UTC);
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

    private void queue(String key, String status, OffsetDateTime created, OffsetDateTime sent) {
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
        return Launches.completed(launcher.launch(job, slot, "test"));
    }
}
