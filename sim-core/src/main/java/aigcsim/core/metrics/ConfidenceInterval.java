package aigcsim.core.metrics;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.TDistribution;

/** Mean and 95 % confidence half-width of one figure over independent replications (Student t, n − 1 d.o.f.). */
public record ConfidenceInterval(double mean, double halfWidth95, int n) {
    public static ConfidenceInterval of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        int n = v.length;
        if (n == 0) {
            return new ConfidenceInterval(Double.NaN, Double.NaN, 0);
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        if (n == 1) {
            return new ConfidenceInterval(mean, Double.NaN, 1);
        }
        return new ConfidenceInterval(mean, tUpper(0.025, n - 1) * Math.sqrt(variance(v) / n), n);
    }

    /** The sample variance (n − 1 in the denominator) of at least 2 values. */
    static double variance(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss / (v.length - 1);
    }

    /** The Student t quantile with upper tail probability {@code tail} at {@code dof} degrees of freedom. */
    static double tUpper(double tail, double dof) {
        return TDistribution.of(dof).inverseSurvivalProbability(tail);
    }
}
