package aigcsim.models.quality;

/**
 * Full-reference image quality of a delivered image against the reference (same prompt and seed, all T̂ steps, no
 * channel): PSNR and SSIM (Wang et al. 2004: 11×11 Gaussian window, σ = 1.5, K1 = 0.01, K2 = 0.03) on single-channel
 * images with values in [−1, 1] (dynamic range L = 2).
 */
public final class ImageQuality {
    private static final double RANGE = 2.0;
    private static final int WINDOW = 11;
    private static final double SIGMA = 1.5;
    private static final double C1 = Math.pow(0.01 * RANGE, 2);
    private static final double C2 = Math.pow(0.03 * RANGE, 2);
    private static final double[] GAUSS = gaussian();

    private ImageQuality() {
    }

    /** PSNR in dB; +∞ for identical images. */
    public static double psnrDb(float[] a, float[] b) {
        check(a, b);
        double mse = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            mse += d * d;
        }
        mse /= a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(RANGE * RANGE / mse);
    }

    /** Mean SSIM over all window positions that fit in the {@code side}×{@code side} image ("valid" windows). */
    public static double ssim(float[] a, float[] b, int side) {
        check(a, b);
        if (side * side != a.length || side < WINDOW) {
            throw new IllegalArgumentException("SSIM needs a square image of side >= " + WINDOW + ", got "
                    + a.length + " values for side " + side);
        }
        double total = 0;
        int n = 0;
        for (int r = 0; r + WINDOW <= side; r++) {
            for (int c = 0; c + WINDOW <= side; c++) {
                double ma = 0;
                double mb = 0;
                for (int i = 0; i < WINDOW; i++) {
                    for (int j = 0; j < WINDOW; j++) {
                        double w = GAUSS[i] * GAUSS[j];
                        ma += w * a[(r + i) * side + c + j];
                        mb += w * b[(r + i) * side + c + j];
                    }
                }
                double va = 0;
                double vb = 0;
                double cov = 0;
                for (int i = 0; i < WINDOW; i++) {
                    for (int j = 0; j < WINDOW; j++) {
                        double w = GAUSS[i] * GAUSS[j];
                        double da = a[(r + i) * side + c + j] - ma;
                        double db = b[(r + i) * side + c + j] - mb;
                        va += w * da * da;
                        vb += w * db * db;
                        cov += w * da * db;
                    }
                }
                total += (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                n++;
            }
        }
        return total / n;
    }

    private static double[] gaussian() {
        double[] g = new double[WINDOW];
        double sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            double d = i - (WINDOW - 1) / 2.0;
            g[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            sum += g[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            g[i] /= sum;
        }
        return g;
    }

    private static void check(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("images must have the same non-zero size, got " + a.length + " and "
                    + b.length);
        }
    }
}
