package io.vigil.alert.evaluation;

import io.vigil.alert.AlertRepository;

/** A deliberately misplaced dependency, for the architecture's own test: a sub-package never reaches up. */
public class EngineThatReachesUp {

    Object repository(AlertRepository repository) {
        return repository;
    }
}
