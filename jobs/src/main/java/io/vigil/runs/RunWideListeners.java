package io.vigil.runs;

import java.util.List;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Attaches every {@link RunWideListener} bean to every job as the job's bean is created. Without it a
 * job whose configuration forgot {@link LocalRuns} would never be owned by a node, and stale-run
 * recovery and graceful shutdown would silently miss it.
 */
public class RunWideListeners implements BeanPostProcessor {

    // Resolved at each job, not when the post-processor is created: the listeners need the database,
    // which must itself be post-processed normally.
    private final ObjectProvider<RunWideListener> listeners;

    public RunWideListeners(ObjectProvider<RunWideListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            listeners().forEach(job::registerJobExecutionListener);
        }
        return bean;
    }

    /** What every job gets, in the order their callbacks run. */
    public List<RunWideListener> listeners() {
        return listeners.orderedStream().toList();
    }
}
