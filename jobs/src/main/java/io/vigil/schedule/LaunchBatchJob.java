package io.vigil.schedule;

import io.vigil.runs.Slot;
import java.util.TimeZone;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The one Quartz job class: every schedule fires it, and it launches the named Spring Batch job for the
 * slot the firing is for. A manual trigger carries no cron of its own, so the schedule's cron and zone
 * travel in the job's data.
 */
@DisallowConcurrentExecution
public class LaunchBatchJob extends QuartzJobBean {

    static final String BATCH_JOB = "batchJob";
    static final String CRON = "cron";
    static final String ZONE = "zone";

    private SlotLauncher slotLauncher;

    /** Injected by Spring's job factory. */
    @Autowired
    public void setSlotLauncher(SlotLauncher slotLauncher) {
        this.slotLauncher = slotLauncher;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        SlotResolver resolver = new SlotResolver(data.getString(CRON), TimeZone.getTimeZone(data.getString(ZONE)));
        Slot slot = Slot.of(resolver.slotFor(context.getScheduledFireTime().toInstant()));
        String trigger = context.getTrigger().getKey().getName().startsWith("MT_") ? "manual" : "schedule";
        slotLauncher.launch(data.getString(BATCH_JOB), slot, trigger);
    }
}
