package io.vigil.ops;

import io.vigil.health.HealthCheckJobConfiguration;
import io.vigil.mail.MailDeliveryJobConfiguration;
import io.vigil.retention.RetentionJobConfiguration;
import io.vigil.rollup.DailyRollupJobConfiguration;
import io.vigil.rollup.RollupJobConfiguration;
import java.util.Iterator;
import java.util.List;

/**
 * The jobs, by name, for help texts, which must not start Spring to learn them. JobsCommandTest holds
 * this list to the jobs the application really has, so a new job family that is not listed here fails it.
 */
final class JobNames implements Iterable<String> {

    static final List<String> ALL = List.of(DailyRollupJobConfiguration.JOB, HealthCheckJobConfiguration.JOB,
            MailDeliveryJobConfiguration.JOB, RetentionJobConfiguration.JOB, RollupJobConfiguration.JOB);

    @Override
    public Iterator<String> iterator() {
        return ALL.iterator();
    }
}
