package aigcsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PairedDifferenceTest {
    @Test
    void textbookPairedAndWelchIntervals() {
        // a = 10 12 11 13 14, b = 12 13 13 14 17; d = b − a = 2 1 2 1 3
        // paired: mean d = 9/5 = 1.8; Σ(d − 1.8)² = 0.04 + 0.64 + 0.04 + 0.64 + 1.44 = 2.8; s² = 2.8/4 = 0.7;
        //   se = √(0.7/5) = 0.374166; t(0.975, 4) = 2.776445 (tables); half-width = 1.038851
        // Welch: s²a = (4 + 0 + 1 + 1 + 4)/4 = 2.5, s²b = (3.24 + 0.64 + 0.64 + 0.04 + 10.24)/4 = 3.7;
        //   s²a/n = 0.5, s²b/n = 0.74, se = √1.24 = 1.113553; d.o.f. = 1.24² / ((0.5² + 0.74²)/4) = 7.711133;
        //   t(0.975, 7.711133) = 2.321128 (scipy.stats.t.ppf); half-width = 2.584698
        PairedDifference p = PairedDifference.of(new double[] {10, 12, 11, 13, 14},
                new double[] {12, 13, 13, 14, 17});
        assertEquals(1.8, p.mean(), 1e-12);
        assertEquals(1.038851, p.halfWidth95(), 1e-6);
        assertEquals(2.584698, p.welchHalfWidth95(), 1e-6);
        assertEquals(5, p.n());
    }

    @Test
    void pairsWithANaNAreDropped() {
        PairedDifference p = PairedDifference.of(new double[] {10, Double.NaN, 12, 11, 13, 14, 99},
                new double[] {12, 50, 13, 13, 14, 17, Double.NaN});
        assertEquals(5, p.n());
        assertEquals(1.8, p.mean(), 1e-12);
        assertEquals(1.038851, p.halfWidth95(), 1e-6);
    }

    @Test
    void commonRandomNumbersNarrowThePairedInterval() {
        // both arms share the replication's level (sd 5); the arms differ by 0.5 plus independent noise (sd 0.3)
        Random rng = new Random(1);
        int n = 10;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double level = 20 + 5 * rng.nextGaussian();
            a[i] = level + 0.3 * rng.nextGaussian();
            b[i] = level + 0.5 + 0.3 * rng.nextGaussian();
        }
        PairedDifference p = PairedDifference.of(a, b);
        assertTrue(p.halfWidth95() < p.welchHalfWidth95() / 5, p.toString());
        assertTrue(Math.abs(p.mean() - 0.5) < p.halfWidth95() + 0.5, p.toString());
    }
}
