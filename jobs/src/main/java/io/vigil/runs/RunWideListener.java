package io.vigil.runs;

import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.Ordered;

/**
 * A listener that every job gets, by being a bean: {@link RunWideListeners} attaches each one to each
 * job, so a job configuration never lists them and a new job cannot forget one.
 */
public interface RunWideListener extends JobExecutionListener, Ordered {

    @Override
    default int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
