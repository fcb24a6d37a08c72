package io.vigil.concurrent;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two launchers racing for the same slot on separate connections (what two nodes do when a firing is
 * duplicated): exactly one runs it, the other is told it was skipped, and neither fails.
 */
@VigilSpringTest
class ConcurrentLaunchTest {

    @Autowired SlotLauncher launcher;
    @Autowired DSLContext dsl;

    @Test
    void racingLaunchesForOneSlotRunItOnce() throws Exception {
        int slots = 20;
        List<Future<SlotLauncher.Outcome>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < slots; i++) {
                Instant slot = Instant.parse("2026-11-23T00:00:00Z").plus(Duration.ofMinutes(5L * i));
                CyclicBarrier together = new CyclicBarrier(2);
                for (int racer = 0; racer < 2; racer++) {
                    outcomes.add(threads.submit(() -> {
                        together.await();
                        return launcher.launch(HealthCheckJobConfiguration.JOB, Slot.of(slot), "race");
                    }));
                }
            }
        }

        int started = 0;
        int skipped = 0;
        for (Future<SlotLauncher.Outcome> outcome : outcomes) {
            if (outcome.get() instanceof SlotLauncher.Started) {
                started++;
            } else {
                skipped++;
            }
        }
        assertThat(started).isEqualTo(slots);
        assertThat(skipped).isEqualTo(slots);
        assertThat(dsl.fetchCount(BATCH_JOB_EXECUTION)).isEqualTo(slots);
        assertThat(dsl.fetchCount(BATCH_JOB_EXECUTION, BATCH_JOB_EXECUTION.STATUS.ne("COMPLETED"))).isZero();
    }
}
