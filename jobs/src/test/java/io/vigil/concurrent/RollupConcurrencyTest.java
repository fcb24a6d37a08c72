package io.vigil.concurrent;

import static io.vigil.db.jooq.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.database.MonthlyPartitions;
import io.vigil.database.PartitionedTable;
import io.vigil.rollup.RollupJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.VigilSpringTest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Events written by transactions that overlap a rollup run, on real connections with real interleaving:
 * each is counted exactly once, whether it committed while the run waited or after the run finished.
 */
@VigilSpringTest
@TestPropertySource(properties = "vigil.rollup.horizon-lock-wait=60s")
class RollupConcurrencyTest {

    private static final Instant HOUR = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired SlotLauncher launcher;
    @Autowired DSLContext dsl;
    @Autowired TestDatabase database;

    /** Both tests share the class's database and its job instances: every run needs a slot of its own. */
    private static Instant slot = Instant.parse("2026-11-23T10:00:00Z");

    @BeforeEach
    void partitions() {
        new MonthlyPartitions(dsl).ensure(PartitionedTable.EVENT, HOUR, 1);
    }

    @Test
    void anEventCommittedWhileTheRunWaitsIsCountedOnceEvenThoughALaterIdCommittedFirst() throws Exception {
        try (Connection writer = database.dataSource().getConnection()) {
            writer.setAutoCommit(false);
            DSLContext slow = DSL.using(writer, SQLDialect.POSTGRES);
            insert(slow, "slow");
            // A later id, committed before the slow one: a watermark on ids alone would pass the slow one.
            insert(dsl, "fast");

            CompletableFuture<BatchStatus> rollup = CompletableFuture.supplyAsync(this::rollup);
            awaitRollupWaitingForWriters();
            writer.commit();

            assertThat(rollup.get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETED);
        }
        assertThat(rolledUp("slow")).isEqualTo(1);
        assertThat(rolledUp("fast")).isEqualTo(1);

        assertThat(rollup()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rolledUp("slow")).as("still once after the next run").isEqualTo(1);
    }

    @Test
    void anEventFromATransactionThatBeganBeforeTheRunAndCommittedAfterItIsCountedByTheNextRun() throws Exception {
        try (Connection writer = database.dataSource().getConnection()) {
            writer.setAutoCommit(false);
            DSLContext late = DSL.using(writer, SQLDialect.POSTGRES);
            Instant began = late.select(DSL.currentOffsetDateTime().coerce(SQLDataType.INSTANT)).fetchOne().value1();

            assertThat(rollup()).isEqualTo(BatchStatus.COMPLETED);
            insert(late, "late");
            writer.commit();

            // received_at is the writer's transaction start, before the run: a received_at watermark
            // set by that run would skip this event for ever.
            Instant receivedAt = dsl.select(EVENT.RECEIVED_AT).from(EVENT).where(EVENT.SOURCE.eq("late"))
                    .fetchOne(EVENT.RECEIVED_AT);
            assertThat(receivedAt).isEqualTo(began);
        }
        assertThat(rolledUp("late")).as("not folded by the run it overlapped").isZero();

        assertThat(rollup()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rolledUp("late")).isEqualTo(1);
        assertThat(rollup()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rolledUp("late")).isEqualTo(1);
    }

    /** With a short lock wait, a writer that stays open postpones the fold instead of stalling the table. */
    @Nested
    @TestPropertySource(properties = "vigil.rollup.horizon-lock-wait=200ms")
    class WithAShortLockWait {

        @Test
        void aWriterLeftOpenPostponesTheFoldAndOtherWritersGoOn() throws Exception {
            try (Connection writer = database.dataSource().getConnection()) {
                writer.setAutoCommit(false);
                insert(DSL.using(writer, SQLDialect.POSTGRES), "open");

                // Without the bound, the run would wait for the open writer for as long as it stays open.
                assertThat(CompletableFuture.supplyAsync(RollupConcurrencyTest.this::rollup).get(30, TimeUnit.SECONDS))
                        .isEqualTo(BatchStatus.COMPLETED);
                insert(dsl, "other");
                assertThat(rolledUp("open")).isZero();
                assertThat(rolledUp("other")).isZero();
                writer.commit();
            }
            assertThat(rollup()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(rolledUp("open")).isEqualTo(1);
            assertThat(rolledUp("other")).isEqualTo(1);
        }
    }

    private static void insert(DSLContext dsl, String source) {
        dsl.insertInto(EVENT, EVENT.OCCURRED_AT, EVENT.SOURCE, EVENT.TYPE, EVENT.SUBJECT, EVENT.PROPERTIES)
                .values(HOUR.plus(Duration.ofMinutes(10)), source, "t", "s", JSONB.valueOf("{}"))
                .execute();
    }

    private BatchStatus rollup() {
        slot = slot.plus(Duration.ofMinutes(5));
        return Launches.started(launcher.launch(RollupJobConfiguration.JOB, Slot.of(slot), "test")).getStatus();
    }

    private long rolledUp(String source) {
        return dsl.resultQuery("SELECT coalesce(sum(events), 0)::bigint FROM vigil.event_rollup_hourly WHERE source = ?",
                source).fetchOne(0, Long.class);
    }

    /** The run's horizon lock on vigil.event is queued behind the writer's open transaction. */
    private void awaitRollupWaitingForWriters() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (dsl.resultQuery("SELECT count(*) FROM pg_locks WHERE relation = 'vigil.event'::regclass "
                + "AND mode = 'ShareRowExclusiveLock' AND NOT granted").fetchOne(0, Long.class) == 0) {
            assertThat(System.nanoTime()).as("the rollup never waited for the open writer").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
