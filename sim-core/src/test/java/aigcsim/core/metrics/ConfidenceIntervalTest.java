package aigcsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 95 % interval over replications against tabulated Student-t quantiles and hand-computed samples. */
class ConfidenceIntervalTest {
    @Test
    void theHalfWidthUsesTheTabulatedStudentTQuantile() {
        // t(0.975, d.o.f.) from a printed table (e.g. Law, Simulation Modeling and Analysis, Table T.1)
        double[][] table = {{1, 12.706}, {2, 4.303}, {4, 2.776}, {9, 2.262}, {29, 2.045}};
        for (double[] row : table) {
            int n = (int) row[0] + 1;
            // a sample of n values with mean 0 and sample standard deviation exactly 1: half-width = t / sqrt(n)
            double[] x = unitSample(n);
            assertEquals(row[1] / Math.sqrt(n), ConfidenceInterval.of(x).halfWidth95(), 5e-4 / Math.sqrt(n),
                    "n = " + n);
        }
    }

    /** n values with mean 0 and sample standard deviation 1. */
    private static double[] unitSample(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i - (n - 1) / 2.0;
        }
        double ss = 0;
        for (double v : x) {
            ss += v * v;
        }
        double sd = Math.sqrt(ss / (n - 1));
        for (int i = 0; i < n; i++) {
            x[i] /= sd;
        }
        return x;
    }

    @Test
    void aHandComputedSample() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample variance 32/7, t(0.975, 7) = 2.365
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5.0, ci.mean(), 1e-12);
        assertEquals(2.365 * Math.sqrt(32.0 / 7 / 8), ci.halfWidth95(), 1e-3);
        assertEquals(8, ci.n());
    }

    @Test
    void nanValuesAreLeftOutAndOneValueHasNoInterval() {
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {Double.NaN, 3.0});
        assertEquals(3.0, ci.mean());
        assertTrue(Double.isNaN(ci.halfWidth95()));
        assertEquals(1, ci.n());
        assertEquals(0, ConfidenceInterval.of(new double[] {Double.NaN}).n());
    }
}
