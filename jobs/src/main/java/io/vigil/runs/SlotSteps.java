package io.vigil.runs;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds the commonest step of Vigil's jobs: one piece of work for the run's slot, in one transaction. */
public final class SlotSteps {

    private SlotSteps() {
    }

    public static Step once(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            SlotWork work) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, context) -> {
                    Slot slot = Slot.of(context.getStepContext().getStepExecution());
                    contribution.incrementWriteCount(work.run(slot));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
