package aigcsim.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import aigcsim.models.channel.TensorChannel;

/**
 * DDIM, the step-matching rule and the split transceiver, with the exact denoiser of Gaussian data: for x_0 ~ N(0, s²)
 * per coordinate, x_t = √ᾱ·x_0 + √(1 − ᾱ)·ε is N(0, ᾱs² + 1 − ᾱ) and E[ε | x_t] = √(1 − ᾱ)·x_t / (ᾱs² + 1 − ᾱ).
 * Unlike an oracle that knows a sample's x_0 (which returns it from any start, whatever step it is told), this one
 * denoises by the step it is given, so a wrong step shows in the distribution of what comes out.
 */
class DiffusionTest {
    private static final Shape LATENT = new Shape(1, 4, 8, 8);
    /** Large enough for the variance of the output to be estimated within about 2 %. */
    private static final Shape WIDE = new Shape(1, 4, 32, 32);
    private static final double S2 = 0.25;
    private final NoiseSchedule schedule = new NoiseSchedule();

    private final NoisePredictor gaussian = (x, ts, ctx) -> {
        double ab = schedule.alphaBar(ts[0]);
        return x.mul((float) (Math.sqrt(1 - ab) / (ab * S2 + 1 - ab)));
    };

    /**
     * The variance after a DDIM step from t to t' with the exact denoiser, by hand: x_t' = k·x_t with
     * k = (√(ᾱ'ᾱ)·s² + √((1 − ᾱ')(1 − ᾱ))) / (ᾱs² + 1 − ᾱ), so the variance is multiplied by k².
     */
    private double ddimVariance(double v, int[] steps) {
        for (int i = 0; i < steps.length; i++) {
            double a = schedule.alphaBar(steps[i]);
            double a2 = schedule.alphaBar(i + 1 < steps.length ? steps[i + 1] : -1);
            double k = (Math.sqrt(a2 * a) * S2 + Math.sqrt((1 - a2) * (1 - a))) / (a * S2 + 1 - a);
            v *= k * k;
        }
        return v;
    }

    private static double variance(NDArray x) {
        float[] v = x.toFloatArray();
        double mean = 0;
        for (float f : v) {
            mean += f / (double) v.length;
        }
        double ss = 0;
        for (float f : v) {
            ss += (f - mean) * (f - mean);
        }
        return ss / (v.length - 1);
    }

    @Test
    void scheduleIsMonotoneAndDdimTimestepsAreTheDocumentedOnes() {
        for (int t = 1; t < NoiseSchedule.T; t++) {
            assertTrue(schedule.alphaBar(t) < schedule.alphaBar(t - 1));
        }
        assertEquals(1.0, schedule.alphaBar(-1));
        int[] ts = schedule.ddimTimesteps(20);
        assertEquals(20, ts.length);
        assertEquals(999, ts[0]);
        assertEquals(949, ts[1]);
        assertEquals(49, ts[19]);
    }

    @Test
    void ddimWithTheExactDenoiserGivesTheVarianceWorkedOutByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            int[] ts = schedule.ddimTimesteps(20);
            NDArray xT = SplitTransceiver.initialNoise(m, 8, WIDE);
            NDArray out = new DdimSampler(schedule, gaussian, 1.0).run(xT, ts, null, null);
            // each step multiplies every coordinate by the same k: the variance follows exactly
            double expected = ddimVariance(variance(xT), ts);
            assertEquals(expected, variance(out), 1e-3 * expected, "20 DDIM steps take the noise's variance to "
                    + expected);
            assertTrue(ddimVariance(1.0, ts) > 0.15 && ddimVariance(1.0, ts) < S2,
                    "the data's 0.25, less the 20-step discretization");
        }
    }

    @Test
    void stepMatchingPicksTheStepOfEqualNoiseLevel() {
        // no channel noise: the step itself
        assertEquals(499, schedule.matchStep(499, 0.0));
        // channel noise chosen so that the total equals step 700's noise-to-signal ratio exactly
        int t = 300;
        int target = 700;
        double sigma2 = schedule.noiseToSignal(target) * schedule.alphaBar(t) - (1 - schedule.alphaBar(t));
        assertEquals(target, schedule.matchStep(t, sigma2));
        // a clean latent (t = −1) with noise variance σ² matches the step whose (1 − ᾱ)/ᾱ is σ²
        assertEquals(200, schedule.matchStep(-1, schedule.noiseToSignal(200)));
        // more channel noise never matches an earlier step
        int prev = -1;
        for (double s2 = 0.001; s2 < 100; s2 *= 1.5) {
            int k = schedule.matchStep(100, s2);
            assertTrue(k >= prev, "monotone in the noise");
            prev = k;
        }
    }

    @Test
    void theMatchedStepRemovesTheChannelNoiseAndIgnoringItDoesNot() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplitTransceiver tx = new SplitTransceiver(new DdimSampler(schedule, gaussian, 1.0), 20);
            NDArray noise = SplitTransceiver.initialNoise(m, 12, WIDE);
            double clean = ddimVariance(variance(noise), schedule.ddimTimesteps(20));
            for (int a : new int[] {5, 10, 15}) {
                for (double snr : new double[] {-6, 0}) {
                    SplitTransceiver.EdgeLatent e = tx.edge(noise, a, null, null);
                    var rx = TensorChannel.transmit(e.latent().toFloatArray(), TensorChannel.Kind.AWGN, snr, 99);
                    NDArray received = m.create(rx.values(), WIDE);
                    double matched = variance(tx.device(received, e.step(), rx.noiseVariance(), a, null, null));
                    // told there was no channel noise, the device resumes at the edge's own step
                    double ignored = variance(tx.device(received, e.step(), 0.0, a, null, null));
                    String at = "a = " + a + ", " + snr + " dB: ";
                    assertTrue(matched > 0.7 * clean && matched < 1.1 * clean, at + matched + " vs clean " + clean);
                    assertTrue(ignored > 1.5 * clean, at + "the channel noise stays when ignored: " + ignored);
                }
            }
            // a = T̂: nothing left for the device, the received latent is the output
            SplitTransceiver.EdgeLatent all = tx.edge(noise, 20, null, null);
            assertArrayEquals(all.latent().toFloatArray(), tx.device(all.latent(), all.step(), 0.0, 20, null, null)
                    .toFloatArray());
        }
    }

    @Test
    void spacedTimestepsAreDistinctAndDecreasing() {
        assertArrayEquals(new int[] {600, 400, 200}, DdimSampler.spacedFrom(600, 3));
        assertArrayEquals(new int[] {1, 0}, DdimSampler.spacedFrom(1, 5));
        assertEquals(0, DdimSampler.spacedFrom(-1, 5).length);
    }
}
