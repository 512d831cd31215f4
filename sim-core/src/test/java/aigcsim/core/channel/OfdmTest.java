package aigcsim.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The OFDM channel's draws against the model they come from: the sample covariance of h is C, each sub-carrier's
 * capacity averages to Rayleigh's ergodic capacity, and the band's capacity varies from block to block as one Rayleigh
 * link's with a short delay spread (correlated sub-carriers) and much less with a long one (seed 002's Fig. 13 trend).
 */
class OfdmTest {
    @Test
    void theSampleCovarianceOfTheGainsIsC() {
        Ofdm o = new Ofdm(6, 30e3, 1e-6); // 2π·Δf·τ = 0.19 rad a sub-carrier: C_01 = 0.966 − 0.182j
        int n = 40_000;
        double[][] sumRe = new double[6][6];
        double[][] sumIm = new double[6][6];
        SplittableRandom rng = new SplittableRandom(7);
        for (int s = 0; s < n; s++) {
            double[][] h = o.gains(rng);
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) { // h_i · conj(h_j)
                    sumRe[i][j] += h[0][i] * h[0][j] + h[1][i] * h[1][j];
                    sumIm[i][j] += h[1][i] * h[0][j] - h[0][i] * h[1][j];
                }
            }
        }
        // each entry is a mean of n products of unit-variance complex Gaussians: standard error ≤ 1/√n = 0.005
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double x = 2 * Math.PI * (i - j) * 30e3 * 1e-6;
                assertEquals(1 / (1 + x * x), sumRe[i][j] / n, 0.03, "Re C_" + i + j);
                assertEquals(-x / (1 + x * x), sumIm[i][j] / n, 0.03, "Im C_" + i + j);
            }
        }
    }

    @Test
    void eachSubcarrierAveragesToRayleighsErgodicCapacity() {
        double[] moments = RayleighCapacity.moments(10);
        Ofdm o = new Ofdm(64, 30e3, 100e-9);
        SplittableRandom rng = new SplittableRandom(11);
        double sum = 0;
        int blocks = 4000;
        for (int b = 0; b < blocks; b++) {
            for (double g : o.powerGains(rng)) {
                sum += Math.log1p(10 * g) / Math.log(2);
            }
        }
        // about 2.9 bit/s/Hz; blocks are independent, sub-carriers within one correlated: 1 % is many standard errors
        assertEquals(moments[0], sum / blocks / 64, 0.01 * moments[0]);
    }

    @Test
    void aShortDelaySpreadMakesTheBandsCapacityVaryMore() {
        double flat = RayleighCapacity.moments(10)[1];
        double shortSpread = variance(new Ofdm(64, 30e3, 30e-9));
        double longSpread = variance(new Ofdm(64, 30e3, 1000e-9));
        // 30 ns: 64 sub-carriers over 1.9 MHz fade nearly as one (|C_0,63| = 0.94), the variance of one Rayleigh link
        // (3000 blocks: a standard error of about 3 %); 1000 ns: frequency diversity averages the band's capacity
        assertEquals(flat, shortSpread, 0.12 * flat, "variance at 30 ns");
        assertTrue(longSpread < flat / 2, "variance at 1000 ns " + longSpread + ", of one Rayleigh link " + flat);
    }

    @Test
    void noDelaySpreadIsOneFlatGainAndBadBandsAreErrors() {
        double[] g = new Ofdm(16, 30e3, 0).powerGains(new SplittableRandom(3));
        for (double x : g) {
            assertEquals(g[0], x, 1e-6 * g[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> new Ofdm(0, 30e3, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new Ofdm(64, -1, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new Ofdm(64, 30e3, -1e-9));
    }

    /** Variance over blocks of the band's mean capacity at 10 dB. */
    private static double variance(Ofdm o) {
        SplittableRandom rng = new SplittableRandom(5);
        int blocks = 3000;
        double sum = 0;
        double sum2 = 0;
        for (int b = 0; b < blocks; b++) {
            double c = 0;
            for (double g : o.powerGains(rng)) {
                c += Math.log1p(10 * g) / Math.log(2);
            }
            c /= o.subcarriers();
            sum += c;
            sum2 += c * c;
        }
        double mean = sum / blocks;
        return sum2 / blocks - mean * mean;
    }
}
