package io.vigil.alert.evaluation;

/** Whether a rule's condition holds for a subject now, and in a line why or what was measured. */
public record Observation(boolean holds, String description) {

    public static Observation holds(String description) {
        return new Observation(true, description);
    }

    public static Observation clear(String description) {
        return new Observation(false, description);
    }
}
