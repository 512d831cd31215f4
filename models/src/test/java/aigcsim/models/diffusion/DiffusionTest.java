package aigcsim.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import aigcsim.models.channel.TensorChannel;

/** DDIM, the step-matching rule and the split transceiver, with an oracle noise predictor that knows x_0. */
class DiffusionTest {
    private static final Shape LATENT = new Shape(1, 4, 8, 8);
    private final NoiseSchedule schedule = new NoiseSchedule();

    /** ε̂ = (x_t − √ᾱ_t·x_0)/√(1 − ᾱ_t): the true noise of x_t given x_0. */
    private NoisePredictor oracle(NDArray x0) {
        return (x, ts, ctx) -> {
            float ab = (float) schedule.alphaBar(ts[0]);
            return x.sub(x0.mul((float) Math.sqrt(ab))).div((float) Math.sqrt(1 - ab));
        };
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
    void ddimWithTheTrueNoiseReproducesX0() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x0 = SplitTransceiver.initialNoise(m, 7, LATENT).mul(0.5f);
            DdimSampler ddim = new DdimSampler(schedule, oracle(x0), 1.0);
            NDArray xT = SplitTransceiver.initialNoise(m, 8, LATENT);
            NDArray out = ddim.run(xT, schedule.ddimTimesteps(20), null, null);
            assertArrayEquals(x0.toFloatArray(), out.toFloatArray(), 1e-3f);
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
    void splitPipelineRunsEndToEndAndTheFineTunedReceiverRemovesChannelNoise() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x0 = SplitTransceiver.initialNoise(m, 11, LATENT).mul(0.5f);
            SplitTransceiver tx = new SplitTransceiver(new DdimSampler(schedule, oracle(x0), 1.0), 20);
            NDArray noise = SplitTransceiver.initialNoise(m, 12, LATENT);
            for (int a : new int[] {0, 5, 10, 15, 20}) {
                SplitTransceiver.EdgeLatent e = tx.edge(noise, a, null, null);
                var rx = TensorChannel.transmit(e.latent().toFloatArray(), TensorChannel.Kind.AWGN, 0.0, 99);
                NDArray received = m.create(rx.values(), LATENT);
                NDArray fineTuned = tx.device(received, e.step(), rx.noiseVariance(), a, null, null);
                double errFine = rms(fineTuned.sub(x0));
                double errRaw = rms(received.sub(x0));
                if (a < 20) {
                    assertTrue(errFine < 0.05, "oracle fine-tuning recovers x0 at a=" + a + ": rms " + errFine);
                } else {
                    assertEquals(errRaw, errFine, 1e-9, "a = T̂ leaves nothing for the device");
                }
            }
        }
    }

    private static double rms(NDArray d) {
        return Math.sqrt(d.square().mean().getFloat());
    }

    @Test
    void spacedTimestepsAreDistinctAndDecreasing() {
        assertArrayEquals(new int[] {600, 400, 200}, DdimSampler.spacedFrom(600, 3));
        assertArrayEquals(new int[] {1, 0}, DdimSampler.spacedFrom(1, 5));
        assertEquals(0, DdimSampler.spacedFrom(-1, 5).length);
    }
}
