package aigcsim.core.metrics;

import java.util.Locale;

/**
 * Where the initial transient of an output series ends, and whether the rest is in steady state. The series here is
 * each request's time in the system in order of arrival.
 *
 * <p>Truncation: MSER-5 (White 1997, "An effective truncation heuristic for bias reduction in simulation output";
 * White, Cobb &amp; Spratt 2000). The series is cut into k means Z_1..Z_k of 5 consecutive observations (an
 * incomplete last batch is dropped), and the truncation d (in batches) minimizes
 * MSER(d) = Σ_{i>d} (Z_i − Z̄_d)² / (k − d)², Z̄_d the mean of the batches kept. d is searched over the first half
 * of the series, as the rule prescribes, and a minimizer at the end of that window (d ≥ k/2 − 1: the statistic would
 * truncate further) means the series has no steady state within the run (still growing, or the run too short).
 * Searching the whole series and rejecting a minimizer in the second half, the other reading of the rule, flagged
 * stationary queues far too often: on the bundled default scenario's async edge (utilization 0.68), 9 of 20
 * replications of 30 min, against 0 of 20 with the first-half search; both flag 17 to 20 of 20 overloaded serial
 * cells without reneging (30 and 14 users for 12.6 requests/min of service). The statistic near the end of the
 * series rests on few strongly autocorrelated batch means and dips by chance. Series of fewer than 50 observations
 * are not judged.
 *
 * <p>Growth after truncation: the kept series is cut into 20 non-overlapping batch means (an incomplete last batch
 * dropped; Schmeiser 1982, "Batch size effects in the analysis of simulation output": 10 to 30 batches), and the
 * ordinary least-squares slope of the batch means on their index is t-tested one-sided at 0.1 % (18 d.o.f.,
 * critical value 3.61): a significantly positive slope means the series still grows. The level is strict because a
 * run is reported as steady only when all its replications are: the growth test alone then flags a steady system
 * run with 10 replications about 1 % of the time.
 *
 * @param truncation observations to drop from the start of the series (a multiple of 5)
 * @param steady whether the series was judged in steady state after the truncation
 * @param reason why not, for reports; empty when steady
 */
public record SteadyState(int truncation, boolean steady, String reason) {
    /** MSER-5's batch size. */
    static final int BATCH = 5;
    /** Batch means the truncation keeps at least; with as many in the first half, the shortest series judged. */
    static final int MIN_KEPT_BATCHES = 5;
    /** Batch means of the kept series in the growth test. */
    static final int TREND_BATCHES = 20;
    /** One-sided significance level of the growth test. */
    static final double TREND_ALPHA = 0.001;

    /** Judges {@code series} (observations in time order). */
    public static SteadyState of(double[] series) {
        int k = series.length / BATCH;
        if (k < 2 * MIN_KEPT_BATCHES) {
            return new SteadyState(0, false, "no steady state judged: " + series.length + " requests, MSER-5 needs "
                    + 2 * MIN_KEPT_BATCHES * BATCH);
        }
        int d = mser(batchMeans(series, 0, BATCH, k), k / 2);
        if (d >= k / 2 - 1) {
            return new SteadyState(d * BATCH, false, String.format(Locale.ROOT, "no steady state: MSER-5 finds no "
                    + "truncation point within the first half of the run (its minimum is at batch %d of %d, the end "
                    + "of the search: queue still growing, or the run too short)", d, k));
        }
        int kept = series.length - d * BATCH;
        int size = kept / TREND_BATCHES;
        double[] y = batchMeans(series, d * BATCH, size, TREND_BATCHES);
        double n = TREND_BATCHES;
        double xMean = (n - 1) / 2;
        double yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int j = 0; j < y.length; j++) {
            sxx += (j - xMean) * (j - xMean);
            sxy += (j - xMean) * (y[j] - yMean);
        }
        double slope = sxy / sxx;
        double sse = 0;
        for (int j = 0; j < y.length; j++) {
            double e = y[j] - yMean - slope * (j - xMean);
            sse += e * e;
        }
        double t = slope / Math.sqrt(sse / (n - 2) / sxx);
        double critical = ConfidenceInterval.tUpper(TREND_ALPHA, n - 2);
        if (slope > 0 && t > critical) {
            return new SteadyState(d * BATCH, false, String.format(Locale.ROOT, "no steady state: time in system "
                    + "grows over the run after truncation (OLS slope %.3g s per batch of %d requests, t = %.2f > "
                    + "%.2f, one-sided %.1f %%, %d d.o.f.)", slope, size, t, critical, 100 * TREND_ALPHA,
                    TREND_BATCHES - 2));
        }
        return new SteadyState(d * BATCH, true, "");
    }

    /** The d in [0, min(maxD, k − 5)] minimizing MSER(d) over batch means {@code z} (the first on ties). */
    static int mser(double[] z, int maxD) {
        int k = z.length;
        double center = 0;
        for (double v : z) {
            center += v / k;
        }
        // suffix sums of the centred batch means and their squares, from the end
        double sum = 0;
        double squares = 0;
        double best = Double.POSITIVE_INFINITY;
        int bestD = 0;
        for (int d = k - 1; d >= 0; d--) {
            double v = z[d] - center;
            sum += v;
            squares += v * v;
            int m = k - d;
            if (m >= MIN_KEPT_BATCHES && d <= maxD) {
                double mser = (squares - sum * sum / m) / ((double) m * m);
                if (mser <= best) {
                    best = mser;
                    bestD = d;
                }
            }
        }
        return bestD;
    }

    private static double[] batchMeans(double[] x, int from, int size, int count) {
        double[] z = new double[count];
        for (int j = 0; j < count; j++) {
            double s = 0;
            for (int i = from + j * size; i < from + (j + 1) * size; i++) {
                s += x[i];
            }
            z[j] = s / size;
        }
        return z;
    }
}
