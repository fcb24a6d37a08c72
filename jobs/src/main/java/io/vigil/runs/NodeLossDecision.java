package io.vigil.runs;

/**
 * What a surviving node does with the slot of a run whose node was lost: restart the run at once, or
 * leave it FAILED for an operator. The reason is what the failed-run email and {@code vigil jobs show} say.
 */
public record NodeLossDecision(boolean restart, String reason) {

    public static NodeLossDecision restart(String reason) {
        return new NodeLossDecision(true, reason);
    }

    public static NodeLossDecision leave(String reason) {
        return new NodeLossDecision(false, reason);
    }
}
