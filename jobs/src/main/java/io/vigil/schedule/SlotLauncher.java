package io.vigil.schedule;

import io.vigil.runs.Slot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Launches a job for one slot, at most once. A job instance is unique per identifying parameters, and
 * the slot is the only one, so a second firing for a slot that has a run already (completed, running,
 * or failed and waiting for an operator's restart) is recognised and skipped, never run again.
 */
public class SlotLauncher {

    private static final Logger log = LoggerFactory.getLogger(SlotLauncher.class);

    private final Map<String, Job> jobs;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;

    public SlotLauncher(List<Job> jobs, JobRepository jobRepository, JobOperator jobOperator) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity(), (a, b) -> a, TreeMap::new));
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    public sealed interface Outcome permits Started, Skipped {
    }

    public record Started(JobExecution execution) implements Outcome {
    }

    public record Skipped(String jobName, Slot slot, Long existingRunId, String reason) implements Outcome {
    }

    public Job job(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new IllegalArgumentException("no job named '" + name + "': known jobs are " + String.join(", ", jobs.keySet()));
        }
        return job;
    }

    public Set<String> jobNames() {
        return jobs.keySet();
    }

    /** Runs the job for the slot in the calling thread, unless the slot has a run already. */
    public Outcome launch(String jobName, Slot slot, String trigger) {
        Job job = job(jobName);
        JobParameters parameters = slot.toParameters(trigger);
        Skipped existing = existingRun(jobName, slot, parameters);
        if (existing != null) {
            return existing;
        }
        try {
            return new Started(jobOperator.start(job, parameters));
        } catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException | JobRestartException e) {
            return skipped(jobName, slot, null, e.getMessage());
        } catch (Exception e) {
            // Another node created the same instance between our check and our insert: Spring Batch says
            // so with a unique-key violation or "JobInstance must not already exist", depending on the
            // moment. If the instance exists now, that node owns the slot. (Runs are created READ
            // COMMITTED, see application.yml: SERIALIZABLE made runs of different jobs fail each other.)
            Skipped raced = existingRun(jobName, slot, parameters);
            if (raced == null) {
                throw new IllegalStateException("could not launch " + jobName + " for slot " + slot + ": "
                        + e.getMessage(), e);
            }
            return raced;
        }
    }

    private Skipped existingRun(String jobName, Slot slot, JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(jobName, parameters);
        if (instance == null) {
            return null;
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last == null) {
            return skipped(jobName, slot, null, "its instance is being created by another node (if that node died "
                    + "meanwhile, a daemon removes the instance after vigil.node.stale-after and the slot can run again)");
        }
        return skipped(jobName, slot, last.getId(), "run " + last.getId() + " is " + last.getStatus()
                + (last.getStatus().isUnsuccessful() ? "; restart it with vigil jobs restart " + last.getId() : ""));
    }

    private static Skipped skipped(String jobName, Slot slot, Long runId, String reason) {
        log.info("Skipped {} for slot {}: the slot has a run already ({})", jobName, slot, reason);
        return new Skipped(jobName, slot, runId, reason);
    }
}
