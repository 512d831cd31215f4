package aigcsim.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * The link-level codecs (of latents and DeepJSCC's of images): 64-QAM with a straight-through gradient, truncation
 * and zero fill, their channel inputs.
 */
class LinkJsccTest {
    private static final int B = 3;
    private static final Shape SYMBOLS = new Shape(B, LinkJscc.CHANNELS, 8, 8);

    /** The 8 levels per real dimension of unit-power 64-QAM. */
    private static double[] levels() {
        double[] l = new double[8];
        for (int i = 0; i < 8; i++) {
            l[i] = (2 * i - 7) / Math.sqrt(21);
        }
        return l;
    }

    @Test
    void qamPutsEveryValueOnItsNearestLevelAndPassesTheGradientStraightThrough() {
        double[] levels = levels();
        double power = 0;
        for (double a : levels) {
            for (double b : levels) {
                power += (a * a + b * b) / 64;
            }
        }
        assertEquals(2, power, 1e-12, "the 64 points have unit power per real dimension");
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom r = new SplittableRandom(4);
            float[] x = new float[4000];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (3 * r.nextGaussian());
            }
            NDArray in = m.create(x);
            in.setRequiresGradient(true);
            float[] q;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = LinkJscc.qam64(in);
                q = out.toFloatArray();
                gc.backward(out.sum());
            }
            for (int i = 0; i < x.length; i++) {
                double best = Double.POSITIVE_INFINITY;
                double nearest = Double.NaN;
                for (double l : levels) {
                    if (Math.abs(x[i] - l) < best) {
                        best = Math.abs(x[i] - l);
                        nearest = l;
                    }
                }
                assertEquals(nearest, q[i], 1e-6, "value " + x[i]);
            }
            for (float g : in.getGradient().toFloatArray()) {
                assertEquals(1f, g, 0f, "straight-through gradient");
            }
        }
    }

    /** The codec of latents and DeepJSCC's of images, tiny and initialized. */
    private static LinkJscc[] codecs(NDManager m) {
        Engine.getInstance().setRandomSeed(5);
        LinkJscc[] codecs = {LinkJscc.latent(8), LinkJscc.image(8)};
        for (LinkJscc c : codecs) {
            c.initialize(m, DataType.FLOAT32, c.batch(B), new Shape(B, 1), SYMBOLS, SYMBOLS, SYMBOLS);
        }
        return codecs;
    }

    private static NDArray mask(NDManager m, int kept) {
        float[] sigma = new float[B * LinkJscc.CHANNELS * 64];
        float[] mask = new float[sigma.length];
        double[] gains = new double[LinkJscc.CHANNELS * 32];
        java.util.Arrays.fill(gains, 1);
        for (int i = 0; i < B; i++) {
            LinkJscc.channelInputs(sigma, mask, i * LinkJscc.CHANNELS * 64, 10, kept, gains);
        }
        return m.create(mask, SYMBOLS);
    }

    @Test
    void everyRateSendsItsChannelsOnTheConstellationAtUnitPowerAndZeroFillsTheRest() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (LinkJscc c : codecs(m)) {
                sendsItsChannelsOnTheConstellation(m, c);
            }
            // the power normalization before quantization: unit mean power per real value over what is sent
            NDArray raw = m.randomNormal(SYMBOLS).mul(5f);
            NDArray mask = mask(m, 3);
            float[] p = Jscc.unitPower(raw, mask).mul(mask).square().reshape(B, -1).sum(new int[] {1}).toFloatArray();
            for (float sum : p) {
                assertEquals(3 * 64, sum, 1e-2, "3 channels of 64 values at unit power");
            }
        }
    }

    private static void sendsItsChannelsOnTheConstellation(NDManager m, LinkJscc c) {
        ParameterStore ps = new ParameterStore(m, false);
        NDArray x = m.randomNormal(c.batch(B));
        NDArray snr = m.ones(new Shape(B, 1));
        double[] levels = levels();
        for (int kept = 1; kept <= LinkJscc.CHANNELS; kept++) {
            NDArray s = c.symbols(ps, x, snr, mask(m, kept), false);
            assertEquals(SYMBOLS, s.getShape());
            float[] v = s.toFloatArray();
            int per = LinkJscc.CHANNELS * 64;
            for (int i = 0; i < B; i++) {
                for (int j = 0; j < per; j++) {
                    float value = v[i * per + j];
                    if (j >= kept * 64) {
                        assertEquals(0f, value, 0f, "channel " + j / 64 + " is not sent at " + kept);
                    } else {
                        boolean on = false;
                        for (double l : levels) {
                            on |= Math.abs(value - l) < 1e-6;
                        }
                        assertTrue(on, value + " is a 64-QAM level");
                    }
                }
            }
            assertEquals(LinkJscc.channelUses(kept), kept * 32);
        }
    }

    @Test
    void theReceiverIgnoresWhatWasNotSentAndHearsTheNoiseOnWhatWas() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (LinkJscc c : codecs(m)) {
                ignoresWhatWasNotSent(m, c);
            }
        }
    }

    private static void ignoresWhatWasNotSent(NDManager m, LinkJscc c) {
        ParameterStore ps = new ParameterStore(m, false);
        NDArray x = m.randomNormal(c.batch(B));
        NDArray snr = m.ones(new Shape(B, 1));
        for (int kept = 1; kept <= LinkJscc.CHANNELS; kept++) {
            NDArray mask = mask(m, kept);
            NDArray sigma = m.ones(SYMBOLS).mul(0.3f).mul(mask);
            NDArray noise = m.randomNormal(SYMBOLS);
            NDArray out = c.forward(ps, new NDList(x, snr, sigma, noise, mask), false).singletonOrThrow();
            assertEquals(c.batch(B), out.getShape());
            NDArray offChannels = m.ones(SYMBOLS).sub(mask);
            NDArray noiseOff = noise.add(m.randomNormal(SYMBOLS).mul(offChannels).mul(10f));
            NDArray same = c.forward(ps, new NDList(x, snr, sigma, noiseOff, mask), false).singletonOrThrow();
            assertEquals(0f, out.sub(same).abs().max().getFloat(), 1e-6f, "zero fill at " + kept);
            NDArray noiseOn = noise.add(m.randomNormal(SYMBOLS).mul(mask));
            NDArray other = c.forward(ps, new NDList(x, snr, sigma, noiseOn, mask), false).singletonOrThrow();
            assertFalse(out.sub(other).abs().max().getFloat() < 1e-4f, "the sent symbols' noise matters");
        }
    }

    @Test
    void channelInputsGiveEachValueItsSymbolsZeroForcedNoise() {
        int values = LinkJscc.CHANNELS * 64;
        float[] sigma = new float[values + 5];
        float[] mask = new float[values + 5];
        double[] gains = new double[values / 2];
        for (int i = 0; i < gains.length; i++) {
            gains[i] = 0.1 + i;
        }
        LinkJscc.channelInputs(sigma, mask, 5, 20, 2, gains);
        for (int v = 0; v < values; v++) {
            if (v < 2 * 64) {
                assertEquals(1f, mask[5 + v]);
                assertEquals(Math.sqrt(1 / (100 * gains[v / 2])), sigma[5 + v], 1e-6, "value " + v);
            } else {
                assertEquals(0f, mask[5 + v]);
                assertEquals(0f, sigma[5 + v]);
            }
        }
        assertEquals(0f, sigma[0]);
    }
}
