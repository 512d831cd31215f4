package aigcsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** MSER-5 truncation and the growth test on series whose answer is known. */
class SteadyStateTest {
    /** Each value repeated 5 times: one MSER-5 batch per value. */
    private static double[] batches(double... means) {
        double[] x = new double[5 * means.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = means[i / 5];
        }
        return x;
    }

    @Test
    void handCheckedSeriesTruncatesTwoBatches() {
        // batch means Z = 9 5 1 2 1 2 1 2 1 2 (k = 10; d searched over 0..5, the last 5 batch means always kept):
        // d=0: mean 2.6, SS = 126 − 10·2.6² = 58.4,        MSER = 58.4/100 = 0.584
        // d=1: mean 17/9, SS = 45 − 17²/9 = 12.889,        MSER = 12.889/81 = 0.159
        // d=2: mean 1.5,  SS = 8·0.25 = 2,                 MSER = 2/64 = 0.03125   <- minimum
        // d=3: mean 12/7, SS = 22 − 12²/7 = 1.857,         MSER = 1.857/49 = 0.0379
        // d=4: mean 1.5,  SS = 1.5,                        MSER = 1.5/36 = 0.0417
        // d=5: mean 1.6,  SS = 14 − 8²/5 = 1.2,            MSER = 1.2/25 = 0.048
        SteadyState s = SteadyState.of(batches(9, 5, 1, 2, 1, 2, 1, 2, 1, 2));
        assertEquals(10, s.truncation(), "d = 2 batches of 5");
        assertTrue(s.steady(), s.reason());
        assertEquals("", s.reason());
    }

    @Test
    void truncatesAnExponentialTransientNearItsEnd() {
        // 200 points of bias 20·exp(−i/40) (0.13 at i = 200) on N(0, 1) noise, then 1800 points of noise alone;
        // the bias falls below the noise of a batch mean (1/√5 = 0.45) near i = 40·ln(20/0.45) ≈ 150
        Random rng = new Random(7);
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i < 200 ? 20 * Math.exp(-i / 40.0) : 0) + rng.nextGaussian();
        }
        SteadyState s = SteadyState.of(x);
        assertTrue(s.steady(), s.reason());
        assertTrue(s.truncation() >= 100 && s.truncation() <= 250, "truncation " + s.truncation());
    }

    @Test
    void keepsAStationarySeriesAlmostWhole() {
        Random rng = new Random(11);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 + rng.nextGaussian();
        }
        SteadyState s = SteadyState.of(x);
        assertTrue(s.steady(), s.reason());
        assertTrue(s.truncation() < 500, "truncation " + s.truncation());
    }

    @Test
    void aLinearlyGrowingSeriesHasNoSteadyState() {
        Random rng = new Random(3);
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.01 * i + rng.nextGaussian();
        }
        SteadyState s = SteadyState.of(x);
        assertFalse(s.steady());
        assertTrue(s.truncation() >= 995, "MSER-5 would truncate past the first half: " + s.truncation());
        assertTrue(s.reason().contains("no truncation point within the first half"), s.reason());
    }

    @Test
    void growthAfterTruncationIsReported() {
        // a jump at the start (MSER truncates it) and a slow rise of s = 5e-5 per point. MSER(m kept batches) is
        // about 0.2/m + s²·25m/12, least at m ≈ 0.31/s = 6200 batches, beyond the k = 4000 there are: the minimum
        // stays in the first half. Over 20 batch means of ~1000 points the rise is 0.05 per batch against a
        // batch-mean noise of 1/√1000 = 0.032: the slope's t is far beyond 3.61.
        Random rng = new Random(5);
        double[] x = new double[20000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i < 50 ? 30 : 0) + 5e-5 * i + rng.nextGaussian();
        }
        SteadyState s = SteadyState.of(x);
        assertFalse(s.steady());
        assertTrue(s.truncation() >= 50 && s.truncation() < 10000, "truncation " + s.truncation());
        assertTrue(s.reason().contains("grows"), s.reason());
    }

    @Test
    void tooShortASeriesIsNotJudgedSteady() {
        SteadyState s = SteadyState.of(new double[49]);
        assertFalse(s.steady());
        assertEquals(0, s.truncation());
        assertTrue(s.reason().contains("49 requests"), s.reason());
    }
}
