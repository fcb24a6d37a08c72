package io.vigil.runs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.Ordered;

/**
 * Keeps a one-line cause chain of each failed step in the step's execution context. Spring Batch stores
 * only the first 2,500 characters of a failure's stack trace as its exit message, and a jOOQ error quotes
 * the whole statement first, so the cause an operator needs ("relation ... does not exist") is often cut
 * off; an exit status set by a listener is appended after that stack trace and cut off with it.
 */
public class FailureSummary implements RunWideListener {

    public static final String KEY = "vigil.failure";
    private static final int MAX_MESSAGE = 300;

    private final JobRepository jobRepository;

    public FailureSummary(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public void afterJob(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getFailureExceptions().isEmpty()) {
                step.getExecutionContext().putString(KEY, summarize(step.getFailureExceptions().getFirst()));
                jobRepository.updateExecutionContext(step);
            }
        }
    }

    /** {@code Outer: message ← Cause: message ← ...}, each message's first line, without repeats. */
    public static String summarize(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Set<String> messages = new HashSet<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String message = firstLine(t.getMessage());
            // Wrappers often repeat their cause's message; the class names still show the chain.
            if (message.isEmpty() || !messages.add(message)) {
                parts.add(t.getClass().getSimpleName());
            } else {
                parts.add(t.getClass().getSimpleName() + ": " + message);
            }
        }
        return String.join(" ← ", parts);
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
    }
}
