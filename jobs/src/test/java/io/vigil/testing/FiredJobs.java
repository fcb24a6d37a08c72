package io.vigil.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.listeners.JobListenerSupport;

/** Counts finished Quartz firings so a test can wait for them instead of sleeping. */
public class FiredJobs extends JobListenerSupport {

    private final CountDownLatch latch;
    private final AtomicInteger failures = new AtomicInteger();

    public FiredJobs(int expected) {
        this.latch = new CountDownLatch(expected);
    }

    @Override
    public String getName() {
        return "fired-jobs-" + System.identityHashCode(this);
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException exception) {
        if (exception != null) {
            failures.incrementAndGet();
        }
        latch.countDown();
    }

    public boolean await(long seconds) throws InterruptedException {
        return latch.await(seconds, TimeUnit.SECONDS);
    }

    public int failures() {
        return failures.get();
    }
}
