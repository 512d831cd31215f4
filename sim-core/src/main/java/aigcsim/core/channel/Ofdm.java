package aigcsim.core.channel;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OFDM with Rayleigh fading correlated across its sub-carriers, as in DeKA-g ("Distillation-Enabled Knowledge
 * Alignment for Generative Semantic Communications of AIGC Images"): K sub-carriers Δf apart whose complex gains are
 * h ~ CN(0, C), with C_ij = 1 / (1 + j·2π·(f_i − f_j)·τ), the frequency correlation of an exponential power-delay
 * profile of RMS delay spread τ. A small τ correlates the sub-carriers (a flat, deeply fading band); a large one makes
 * them nearly independent (frequency diversity). The gains are drawn from the eigen-decomposition of their
 * covariance (see {@link #factor}).
 *
 * <p>Delay spreads of 3GPP TR 38.901 (Table 7.7.3-1): 10 ns very short, 30 ns short, 100 ns nominal, 300 ns long,
 * 1000 ns very long. NR numerology 1 spaces sub-carriers 30 kHz apart.
 */
public record Ofdm(int subcarriers, double spacingHz, double delaySpreadS) {
    /** The sub-carriers an OFDM channel has at most: its factor takes O(K³) once, about 2 s at 128 here. */
    public static final int MAX_SUBCARRIERS = 128;

    private static final Map<Ofdm, double[]> FACTORS = new ConcurrentHashMap<>();

    public Ofdm {
        if (subcarriers < 1 || subcarriers > MAX_SUBCARRIERS) {
            throw new IllegalArgumentException("OFDM needs 1.." + MAX_SUBCARRIERS + " sub-carriers, got "
                    + subcarriers);
        }
        if (!(spacingHz > 0) || !Double.isFinite(spacingHz)) {
            throw new IllegalArgumentException("OFDM sub-carrier spacing must be > 0 Hz, got " + spacingHz);
        }
        if (!(delaySpreadS >= 0) || !Double.isFinite(delaySpreadS)) {
            throw new IllegalArgumentException("OFDM delay spread must be >= 0 s, got " + delaySpreadS);
        }
    }

    /** C_ij as {re, im}. */
    public double[] covariance(int i, int j) {
        double x = 2 * Math.PI * (i - j) * spacingHz * delaySpreadS;
        double d = 1 + x * x; // 1 / (1 + j·x) = (1 − j·x) / (1 + x²)
        return new double[] {1 / d, -x / d};
    }

    /** One block's complex gains h_k, k = 0 … K − 1, from {@code rng}: {re, im}, h ~ CN(0, C). */
    public double[][] gains(SplittableRandom rng) {
        double[] a = FACTORS.computeIfAbsent(this, Ofdm::factor);
        int n = 2 * subcarriers;
        int r = a.length / n;
        double[] w = new double[r];
        for (int i = 0; i < r; i++) {
            w[i] = rng.nextGaussian();
        }
        double[] x = new double[n]; // (Re h, Im h) = A·w
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int m = 0; m < r; m++) {
                sum += a[i * r + m] * w[m];
            }
            x[i] = sum;
        }
        return new double[][] {java.util.Arrays.copyOfRange(x, 0, subcarriers),
            java.util.Arrays.copyOfRange(x, subcarriers, n)};
    }

    /**
     * One block's power gains |h_k|² from {@code rng} ({@link #gains}): each is Exp(1) on its own, and they are
     * correlated as C says.
     */
    public double[] powerGains(SplittableRandom rng) {
        double[][] h = gains(rng);
        double[] g = new double[subcarriers];
        for (int i = 0; i < g.length; i++) {
            g[i] = h[0][i] * h[0][i] + h[1][i] * h[1][i];
        }
        return g;
    }

    /**
     * A = V·Λ^½ with (Re h, Im h) = A·w, w ~ N(0, I): V and Λ the eigenvectors and eigenvalues of the covariance of
     * (Re h, Im h), M = ½·[[Re C, −Im C], [Im C, Re C]] for a circularly symmetric h. C is positive semi-definite but
     * nearly singular when the sub-carriers are strongly correlated (τ = 0 makes every entry 1), where a Cholesky
     * factor loses all accuracy. Only the r eigenvalues above 1e-12 of the largest are kept (the rest, which rounding
     * may make negative, carry no power): A is 2K × r, row-major, and a strongly correlated band costs little a draw.
     */
    private static double[] factor(Ofdm o) {
        int k = o.subcarriers;
        int n = 2 * k;
        double[] m = new double[n * n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double[] c = o.covariance(i, j);
                m[i * n + j] = c[0] / 2;
                m[(i + k) * n + j + k] = c[0] / 2;
                m[i * n + j + k] = -c[1] / 2;
                m[(i + k) * n + j] = c[1] / 2;
            }
        }
        double[] v = SymmetricEigen.decompose(m, n);
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, m[i * n + i]);
        }
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (m[i * n + i] > 1e-12 * largest) {
                kept.add(i);
            }
        }
        int r = kept.size();
        double[] a = new double[n * r];
        for (int c = 0; c < r; c++) {
            int col = kept.get(c);
            double root = Math.sqrt(m[col * n + col]);
            for (int row = 0; row < n; row++) {
                a[row * r + c] = v[row * n + col] * root;
            }
        }
        return a;
    }
}
