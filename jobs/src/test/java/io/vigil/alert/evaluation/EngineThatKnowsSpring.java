package io.vigil.alert.evaluation;

import org.springframework.context.ApplicationContext;

/** A deliberately misplaced dependency, for the architecture's own test: the engine is plain Java. */
public class EngineThatKnowsSpring {

    Object bean(ApplicationContext context) {
        return context.getBean("alertEvaluation");
    }
}
