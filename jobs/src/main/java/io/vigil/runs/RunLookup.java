package io.vigil.runs;

import static io.vigil.db.jooq.Tables.BATCH_JOB_EXECUTION;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Finds a run by id. Spring Batch 6.0's {@code JobRepository.getJobExecution} is documented to return
 * null for an unknown id but throws {@code EmptyResultDataAccessException}; asking first keeps an
 * operator's typo a clear "no run with id" rather than a stack trace.
 */
public class RunLookup {

    private final DSLContext dsl;
    private final JobRepository jobRepository;

    public RunLookup(DSLContext dsl, JobRepository jobRepository) {
        this.dsl = dsl;
        this.jobRepository = jobRepository;
    }

    public Optional<JobExecution> find(long id) {
        if (!dsl.fetchExists(BATCH_JOB_EXECUTION, BATCH_JOB_EXECUTION.JOB_EXECUTION_ID.eq(id))) {
            return Optional.empty();
        }
        return Optional.ofNullable(jobRepository.getJobExecution(id));
    }

    public JobExecution require(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no run with id " + id + ": see vigil jobs list"));
    }
}
