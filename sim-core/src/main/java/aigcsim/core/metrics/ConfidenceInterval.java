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
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(0.025);
        return new ConfidenceInterval(mean, t * sd / Math.sqrt(n), n);
    }
}
