package aigcsim.core.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The difference b − a of one figure between two arms run on common random numbers (replication i of both with the
 * same seed): its mean and the 95 % paired-t confidence half-width over the differences b_i − a_i (n − 1 d.o.f.,
 * Law, "Simulation Modeling and Analysis", paired-t confidence interval), and, for contrast, the Welch half-width of
 * the same two samples taken as independent (Welch–Satterthwaite d.o.f.), which ignores the positive correlation
 * common random numbers induce. Pairs with a NaN on either side are dropped; half-widths are NaN below 2 pairs.
 */
public record PairedDifference(double mean, double halfWidth95, double welchHalfWidth95, int n) {
    public static PairedDifference of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        int[] kept = IntStream.range(0, a.length)
                .filter(i -> !Double.isNaN(a[i]) && !Double.isNaN(b[i])).toArray();
        double[] x = Arrays.stream(kept).mapToDouble(i -> a[i]).toArray();
        double[] y = Arrays.stream(kept).mapToDouble(i -> b[i]).toArray();
        ConfidenceInterval paired = ConfidenceInterval.of(Arrays.stream(kept).mapToDouble(i -> b[i] - a[i])
                .toArray());
        int n = kept.length;
        if (n < 2) {
            return new PairedDifference(paired.mean(), Double.NaN, Double.NaN, n);
        }
        double vx = ConfidenceInterval.variance(x) / n;
        double vy = ConfidenceInterval.variance(y) / n;
        double se = Math.sqrt(vx + vy);
        double dof = (vx + vy) * (vx + vy) / (vx * vx / (n - 1) + vy * vy / (n - 1));
        double welch = se == 0 ? 0 : ConfidenceInterval.tUpper(0.025, dof) * se;
        return new PairedDifference(paired.mean(), paired.halfWidth95(), welch, n);
    }
}
