package aigcsim.models.quality;

/**
 * The Fréchet distance between two sets of feature vectors modelled as Gaussians (the FID formula on the
 * classifier's features): ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2}), with symmetric square roots by
 * Jacobi eigen-decomposition.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    public static double of(float[][] a, float[][] b) {
        int d = a[0].length;
        double[] ma = mean(a);
        double[] mb = mean(b);
        double[][] ca = covariance(a, ma);
        double[][] cb = covariance(b, mb);
        double[][] sa = sqrtPsd(ca);
        double[][] inner = sqrtPsd(multiply(multiply(sa, cb), sa));
        double dist = 0;
        for (int i = 0; i < d; i++) {
            dist += (ma[i] - mb[i]) * (ma[i] - mb[i]) + ca[i][i] + cb[i][i] - 2 * inner[i][i];
        }
        return dist;
    }

    private static double[] mean(float[][] x) {
        double[] m = new double[x[0].length];
        for (float[] row : x) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= x.length;
        }
        return m;
    }

    private static double[][] covariance(float[][] x, double[] m) {
        int d = m.length;
        double[][] c = new double[d][d];
        for (float[] row : x) {
            for (int i = 0; i < d; i++) {
                double di = row[i] - m[i];
                for (int j = i; j < d; j++) {
                    c[i][j] += di * (row[j] - m[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= x.length - 1;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < n; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }

    /** The symmetric square root of a symmetric positive semi-definite matrix (negative eigenvalues clipped). */
    static double[][] sqrtPsd(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[][] r = new double[n][n];
        for (int k = 0; k < n; k++) {
            double root = Math.sqrt(Math.max(0, a[k][k]));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    r[i][j] += v[i][k] * root * v[j][k];
                }
            }
        }
        return r;
    }
}
