package io.vigil.testing;

import io.vigil.runs.NodeIdentity;
import io.vigil.runs.NodeRegistry;
import io.vigil.runs.Slot;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** What a node leaves behind when it dies mid-run: an execution and its step still marked STARTED. */
public final class LostRuns {

    private LostRuns() {
    }

    public static JobExecution startedRun(JobRepository jobRepository, NodeRegistry nodes, String job, String step,
                                          Slot slot, NodeIdentity owner) {
        var parameters = slot.toParameters("test");
        JobInstance instance = jobRepository.createJobInstance(job, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(BatchStatus.STARTED);
        jobRepository.update(execution);
        StepExecution started = jobRepository.createStepExecution(step, execution);
        started.setStartTime(LocalDateTime.now());
        started.setStatus(BatchStatus.STARTED);
        jobRepository.update(started);
        nodes.recordOwner(execution.getId(), owner);
        return execution;
    }
}
