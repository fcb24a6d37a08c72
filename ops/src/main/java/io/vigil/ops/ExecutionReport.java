package io.vigil.ops;

import io.vigil.runs.Slot;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** What the operator reads after a run this process executed: how it ended and, if badly, why and what next. */
public final class ExecutionReport {

    public static void print(PrintWriter out, JobExecution execution) {
        long id = execution.getId();
        out.println("run " + id + " of " + execution.getJobInstance().getJobName() + " for slot "
                + execution.getJobParameters().getString(Slot.PARAMETER) + ": " + execution.getStatus()
                + took(execution));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            execution.getStepExecutions().stream()
                    .filter(step -> step.getStatus() != BatchStatus.COMPLETED)
                    .max(Comparator.comparingLong(StepExecution::getId))
                    .ifPresent(step -> {
                        out.println("  step " + step.getStepName() + " " + step.getStatus() + ":");
                        Failures.exceptionLines(step.getExitStatus().getExitDescription())
                                .forEach(line -> out.println("    " + line));
                    });
            out.println("  details: vigil jobs show " + id + "; once the cause is fixed: vigil jobs restart " + id);
        }
        out.flush();
    }

    private static String took(JobExecution execution) {
        if (execution.getStartTime() == null || execution.getEndTime() == null) {
            return "";
        }
        Duration took = Duration.between(execution.getStartTime(), execution.getEndTime());
        return String.format(Locale.ROOT, " in %.1f s", took.toMillis() / 1000.0);
    }

    private ExecutionReport() {
    }
}
