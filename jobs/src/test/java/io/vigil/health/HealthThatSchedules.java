package io.vigil.health;

import org.quartz.Scheduler;

/** A deliberately misplaced dependency, for the architecture's own test: only schedule knows Quartz. */
public class HealthThatSchedules {

    Object scheduler(Scheduler scheduler) {
        return scheduler;
    }
}
