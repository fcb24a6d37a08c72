package io.vigil.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schedule.SlotLauncher;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** What tests assert about a launch, with the run's failures in the message when it ended otherwise. */
public final class Launches {

    private Launches() {
    }

    /** The execution the launch started; fails the test if the slot was skipped instead. */
    public static JobExecution started(SlotLauncher.Outcome outcome) {
        assertThat(outcome).as("launch outcome").isInstanceOf(SlotLauncher.Started.class);
        return ((SlotLauncher.Started) outcome).execution();
    }

    /** The execution the launch started, which must have COMPLETED. */
    public static JobExecution completed(SlotLauncher.Outcome outcome) {
        JobExecution execution = started(outcome);
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }
}
