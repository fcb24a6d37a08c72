package io.vigil.runs;

/** The work a step does once for its run's slot. */
@FunctionalInterface
public interface SlotWork {

    /** Does the work in the step's transaction; returns what it wrote, the step's write count. */
    long run(Slot slot) throws Exception;
}
