package aigcsim.core.channel;

/**
 * The eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations: slow for large matrices (O(n³) a
 * sweep, a few sweeps), exact to rounding for any symmetric matrix, singular or not.
 */
final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /**
     * Diagonalizes {@code a} (n × n, row-major, symmetric) in place: afterwards its diagonal holds the eigenvalues.
     * Returns the eigenvectors as the columns of an n × n row-major matrix V, a = V·diag·Vᵀ.
     */
    static double[] decompose(double[] a, int n) {
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        double scale = 0;
        for (double x : a) {
            scale += x * x;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p * n + q] * a[p * n + q];
                }
            }
            if (off <= 1e-30 * scale) {
                return v;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int r = 0; r < n; r++) { // columns p and q: a·J
                        double arp = a[r * n + p];
                        double arq = a[r * n + q];
                        a[r * n + p] = c * arp - s * arq;
                        a[r * n + q] = s * arp + c * arq;
                    }
                    for (int r = 0; r < n; r++) { // rows p and q: Jᵀ·a
                        double apr = a[p * n + r];
                        double aqr = a[q * n + r];
                        a[p * n + r] = c * apr - s * aqr;
                        a[q * n + r] = s * apr + c * aqr;
                    }
                    for (int r = 0; r < n; r++) {
                        double vrp = v[r * n + p];
                        double vrq = v[r * n + q];
                        v[r * n + p] = c * vrp - s * vrq;
                        v[r * n + q] = s * vrp + c * vrq;
                    }
                }
            }
        }
        throw new IllegalStateException("Jacobi eigen-decomposition did not converge in 100 sweeps");
    }
}
