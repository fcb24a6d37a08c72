package io.vigil.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Several schedules firing at the same instant, as they do at every five-minute mark. */
@VigilSpringTest
class SimultaneousJobsTest {

    @Autowired SlotLauncher launcher;

    /**
     * At every five-minute mark several schedules fire at once. Spring Batch creates each run in a
     * SERIALIZABLE transaction, and two of them for different jobs can fail each other's commit: that
     * must cost a retry, not the slot.
     */
    @Test
    void differentJobsLaunchedAtOnceAllRun() throws Exception {
        int slots = 20;
        List<String> jobs = List.of(HealthCheckJobConfiguration.JOB, MailDeliveryJobConfiguration.JOB,
                RollupJobConfiguration.JOB);
        List<Future<SlotLauncher.Outcome>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(jobs.size())) {
            for (int i = 0; i < slots; i++) {
                Instant slot = Instant.parse("2026-11-24T00:00:00Z").plus(Duration.ofMinutes(5L * i));
                CyclicBarrier together = new CyclicBarrier(jobs.size());
                for (String job : jobs) {
                    outcomes.add(threads.submit(() -> {
                        together.await();
                        return launcher.launch(job, Slot.of(slot), "race");
                    }));
                }
            }
        }

        for (Future<SlotLauncher.Outcome> outcome : outcomes) {
            assertThat(outcome.get()).isInstanceOf(SlotLauncher.Started.class);
        }
    }
}
