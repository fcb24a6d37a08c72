package io.vigil.runs;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * The period a run is for (the five-minute or daily slot of its schedule), named by its start. It is a
 * run's only identifying parameter, so a job instance is unique per slot and a slot runs at most once.
 */
public record Slot(Instant start) implements Comparable<Slot> {

    /** The job parameter that carries it, as ISO-8601 text so that it reads well in the job repository. */
    public static final String PARAMETER = "slot";
    /** Who asked for the run ("schedule", "manual", ...): recorded, not identifying. */
    public static final String TRIGGER = "trigger";

    public Slot {
        Objects.requireNonNull(start, "start");
    }

    public static Slot of(Instant start) {
        return new Slot(start);
    }

    /** A slot as an operator or the job repository writes it, e.g. {@code 2026-11-23T08:05:00Z}. */
    public static Slot parse(String text) {
        try {
            return new Slot(Instant.parse(text));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is not a slot: write it as an ISO-8601 instant in UTC, "
                    + "for example 2026-11-23T08:05:00Z", e);
        }
    }

    /** The slot of a run; every Vigil job is launched with one. */
    public static Slot of(JobParameters parameters) {
        String text = parameters.getString(PARAMETER);
        if (text == null) {
            throw new IllegalStateException("the run has no '" + PARAMETER + "' parameter: launch Vigil's jobs "
                    + "through their schedule or vigil jobs launch, which give it one");
        }
        return parse(text);
    }

    public static Slot of(JobExecution execution) {
        return of(execution.getJobParameters());
    }

    public static Slot of(StepExecution step) {
        return of(step.getJobParameters());
    }

    /** The parameters of the run for this slot. */
    public JobParameters toParameters(String trigger) {
        return new JobParametersBuilder()
                .addString(PARAMETER, toString(), true)
                .addString(TRIGGER, trigger, false)
                .toJobParameters();
    }

    @Override
    public int compareTo(Slot other) {
        return start.compareTo(other.start);
    }

    @Override
    public String toString() {
        return start.toString();
    }
}
