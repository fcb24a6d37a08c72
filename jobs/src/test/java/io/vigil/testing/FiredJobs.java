package io.vigil.testing;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Set<Instant> scheduledFireTimes = ConcurrentHashMap.newKeySet();

    public FiredJobs(int expected) {
        this.latch = new CountDownLatch(expected);
    }

    @Override
    public String getName() {
        return "fired-jobs-" + System.identityHashCode(this);
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException exception) {
        scheduledFireTimes.add(context.getScheduledFireTime().toInstant());
        if (exception != null) {
            failures.incrementAndGet();
        }
        latch.countDown();
    }

    public boolean await(long seconds) throws InterruptedException {
        return latch.await(seconds, TimeUnit.SECONDS);
    }

    /** When the finished firings were due; a late (misfired) firing reports its late time. */
    public Set<Instant> scheduledFireTimes() {
        return Set.copyOf(scheduledFireTimes);
    }

    public int failures() {
        return failures.get();
    }
}
