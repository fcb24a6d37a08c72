package io.vigil.runs;

import java.util.List;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Attaches every {@link RunWideListener} bean to every job as the job's bean is created, and one that
 * also listens to steps to each of the job's steps. Without it a job whose configuration forgot
 * {@link LocalRuns} would never be owned by a node, and stale-run recovery and graceful shutdown would
 * silently miss it; a step without the {@link OwnershipFence} could be written by a node that lost its run.
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
            for (RunWideListener listener : listeners()) {
                job.registerJobExecutionListener(listener);
                if (listener instanceof StepExecutionListener stepListener) {
                    job.getStepNames().stream().map(job::getStep).filter(AbstractStep.class::isInstance)
                            .forEach(step -> ((AbstractStep) step).registerStepExecutionListener(stepListener));
                }
            }
        }
        return bean;
    }

    /** What every job gets, in the order their callbacks run. */
    public List<RunWideListener> listeners() {
        return listeners.orderedStream().toList();
    }
}
