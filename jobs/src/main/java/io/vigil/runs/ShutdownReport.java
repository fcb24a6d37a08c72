package io.vigil.runs;

import java.util.List;

/**
 * What a node's graceful shutdown left behind.
 *
 * @param finished     runs that ended on this node while it ran, but those the shutdown stopped
 * @param stopped      runs the shutdown stopped at a chunk boundary: STOPPED, for an operator to restart
 * @param stillRunning runs still executing when the shutdown gave up waiting: the next node takes them over
 */
public record ShutdownReport(int finished, List<Long> stopped, List<Long> stillRunning) {

    public ShutdownReport {
        stopped = List.copyOf(stopped);
        stillRunning = List.copyOf(stillRunning);
    }

    /** {@code 12 runs finished, 1 left for restart: run 42 stopped (vigil jobs restart 42)} */
    public String summary() {
        StringBuilder text = new StringBuilder().append(finished).append(finished == 1 ? " run" : " runs")
                .append(" finished, ");
        int left = stopped.size() + stillRunning.size();
        if (left == 0) {
            return text.append("none left for restart").toString();
        }
        text.append(left).append(" left for restart:");
        String separator = " ";
        for (long id : stopped) {
            text.append(separator).append("run ").append(id).append(" stopped (vigil jobs restart ").append(id).append(')');
            separator = ", ";
        }
        for (long id : stillRunning) {
            text.append(separator).append("run ").append(id).append(" still running, for another node to take over (vigil jobs show ")
                    .append(id).append(')');
            separator = ", ";
        }
        return text.toString();
    }
}
