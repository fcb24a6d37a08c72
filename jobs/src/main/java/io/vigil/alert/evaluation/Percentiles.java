package io.vigil.alert.evaluation;

import java.util.List;

/** Percentiles as PostgreSQL's {@code percentile_cont} computes them, so emails agree with the rollups. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The linearly interpolated {@code fraction} percentile, or null for no values. */
    public static Double of(List<Double> values, double fraction) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
