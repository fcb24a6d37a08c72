package io.vigil.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.runs.OrphanInstances;
import io.vigil.runs.Slot;
import io.vigil.schedule.SlotLauncher;
import io.vigil.testing.Launches;
import io.vigil.testing.SettableClock;
import io.vigil.testing.VigilSpringTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node that dies between creating a slot's job instance and its run (two transactions in Spring
 * Batch) leaves the slot an instance with no run: launches of it are skipped until a daemon's sweep,
 * having seen it so for stale-after, removes it.
 */
@VigilSpringTest
class OrphanInstancesTest {

    private static final String JOB = HealthCheckJobConfiguration.JOB;

    @Autowired OrphanInstances orphans;
    @Autowired SlotLauncher launcher;
    @Autowired JobRepository jobRepository;
    @Autowired SettableClock clock;

    @Test
    void anInstanceWithoutARunForStaleAfterIsRemovedAndItsSlotCanRunAgain() {
        Slot slot = Slot.parse("2026-11-20T08:00:00Z");
        JobInstance orphan = jobRepository.createJobInstance(JOB, slot.toParameters("schedule"));
        Slot running = Slot.parse("2026-11-20T08:05:00Z");
        Launches.completed(launcher.launch(JOB, running, "test"));

        assertThat(launcher.launch(JOB, slot, "manual")).isInstanceOfSatisfying(SlotLauncher.Skipped.class,
                skipped -> assertThat(skipped.reason()).startsWith("its instance is being created by another node"));
        assertThat(orphans.removeAbandoned()).as("first seen: it may be being created right now").isEmpty();
        clock.advance(Duration.ofSeconds(59));
        assertThat(orphans.removeAbandoned()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(orphans.removeAbandoned()).containsExactly(orphan.getInstanceId());

        Launches.completed(launcher.launch(JOB, slot, "manual"));
        assertThat(jobRepository.getJobInstance(JOB, running.toParameters("test"))).as("instances with runs are kept")
                .isNotNull();
        assertThat(orphans.removeAbandoned()).isEmpty();
    }
}
