package aigcsim.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import aigcsim.models.channel.LinkChannel;
import aigcsim.models.training.LinkTraining;
import aigcsim.models.training.Training;

/**
 * Knowledge-alignment packages of the link codec: an untrained package (B = 0) leaves the codec as it is, CALA's
 * gating makes the terms depend on the condition (LoRA's do not), training lowers the loss and leaves the codec
 * frozen, and quantization puts each tensor on its levels.
 */
class LinkAdaptersTest {
    private static final int B = 3;
    private static final int RANK = 2;
    private static final Shape SYMBOLS = new Shape(B, LinkJscc.CHANNELS, 8, 8);

    private static LinkJscc codec(NDManager m) {
        Engine.getInstance().setRandomSeed(11);
        LinkJscc c = LinkJscc.latent(8);
        c.initialize(m, DataType.FLOAT32, c.batch(B), new Shape(B, 1), SYMBOLS, SYMBOLS, SYMBOLS);
        return c;
    }

    private static LinkAdapters adapters(NDManager m, LinkJscc codec, boolean conditionAware) {
        LinkAdapters a = new LinkAdapters(codec, RANK, conditionAware);
        a.initialize(m, DataType.FLOAT32, codec.batch(B), new Shape(B, 1), SYMBOLS, SYMBOLS, SYMBOLS,
                new Shape(B, LinkAdapters.CONDITION_FEATURES));
        return a;
    }

    /** The codec's inputs at 5 dB with 5 of 8 channels sent, the same draw each call. */
    private static NDList inputs(NDManager m) {
        m.getEngine().setRandomSeed(3);
        float[] sigma = new float[B * LinkJscc.CHANNELS * 64];
        float[] mask = new float[sigma.length];
        for (int i = 0; i < B; i++) {
            LinkJscc.channelInputs(sigma, mask, i * LinkJscc.CHANNELS * 64, 5, 5, LinkChannel.ofdm(
                    LinkTraining.band(100e-9)).powerGains(LinkJscc.CHANNELS * 32, i));
        }
        return new NDList(m.randomNormal(new Shape(B, 4, 8, 8)), m.full(new Shape(B, 1), JsccCoder.snrFeature(5)),
                m.create(sigma, SYMBOLS), m.randomNormal(SYMBOLS), m.create(mask, SYMBOLS));
    }

    private static NDList withCondition(NDManager m, NDList in, double delaySpreadS) {
        NDList out = new NDList(in);
        float[] c = LinkAdapters.condition(5, 5, LinkChannel.ofdm(LinkTraining.band(delaySpreadS)));
        out.add(m.create(c).reshape(1, c.length).repeat(0, B));
        return out;
    }

    private static float maxDiff(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    /** Sets every parameter of the package to small random values (B no longer 0, the gate no longer flat). */
    private static void randomize(LinkAdapters a, NDManager m) {
        for (Parameter p : a.getParameters().values()) {
            NDArray w = p.getArray();
            w.set(new NDIndex("..."), m.randomNormal(w.getShape()).mul(0.3f));
        }
    }

    @Test
    void anUntrainedPackageLeavesTheCodecAsItIsAndATrainedOneDoesNot() {
        try (NDManager m = NDManager.newBaseManager()) {
            LinkJscc c = codec(m);
            ParameterStore ps = new ParameterStore(m, false);
            NDList in = inputs(m);
            NDArray base = c.forward(ps, in, false).singletonOrThrow();
            for (boolean aware : new boolean[] {false, true}) {
                LinkAdapters a = adapters(m, c, aware);
                NDArray adapted = a.forward(ps, withCondition(m, in, 10e-9), false).singletonOrThrow();
                assertEquals(0f, maxDiff(base, adapted), 1e-6f, "B = 0 adds nothing (condition-aware " + aware + ")");
                randomize(a, m);
                NDArray changed = a.forward(ps, withCondition(m, in, 10e-9), false).singletonOrThrow();
                assertTrue(maxDiff(base, changed) > 1e-3f, "non-zero terms change the output");
            }
        }
    }

    @Test
    void calaWeighsItsTermsByTheConditionAndLoraDoesNot() {
        try (NDManager m = NDManager.newBaseManager()) {
            LinkJscc c = codec(m);
            ParameterStore ps = new ParameterStore(m, false);
            NDList in = inputs(m);
            for (boolean aware : new boolean[] {false, true}) {
                LinkAdapters a = adapters(m, c, aware);
                randomize(a, m);
                // the codec itself does not see the delay spread: only a gate can make the output depend on it
                NDArray shortSpread = a.forward(ps, withCondition(m, in, 10e-9), false).singletonOrThrow();
                NDArray longSpread = a.forward(ps, withCondition(m, in, 1000e-9), false).singletonOrThrow();
                if (aware) {
                    assertTrue(maxDiff(shortSpread, longSpread) > 1e-3f, "CALA's output depends on the condition");
                } else {
                    assertEquals(0f, maxDiff(shortSpread, longSpread), 1e-6f, "LoRA ignores the condition");
                }
            }
        }
    }

    @Test
    void deepJsccTakesNoPackage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinkAdapters(LinkJscc.image(8), RANK, true));
        assertTrue(e.getMessage().contains("codec of latents"), e.getMessage());
    }

    @Test
    void roundingPutsEachValueOnItsNearestLevelAndClipsOnlyToLowerTheError() {
        Random r = new Random(2);
        float[] w = new float[2000];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() * (i % 50 == 0 ? 8 : 1)); // a few large weights among many small
        }
        float max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        for (int bits : new int[] {8, 4, 2}) {
            int levels = (1 << (bits - 1)) - 1;
            float[] q = LinkAdapters.rounded(w, bits);
            float top = 0;
            for (float v : q) {
                top = Math.max(top, Math.abs(v));
            }
            float step = top / levels;
            double error = 0;
            double unclipped = 0;
            float step0 = max / levels;
            for (int i = 0; i < w.length; i++) {
                int k = Math.max(-levels, Math.min(levels, Math.round(w[i] / step)));
                assertEquals(k * step, q[i], 1e-6f * max, bits + " bits: the nearest of the levels k*s, |k| <= "
                        + levels);
                error += (q[i] - w[i]) * (q[i] - w[i]);
                float q0 = Math.round(w[i] / step0) * step0;
                unclipped += (q0 - w[i]) * (q0 - w[i]);
            }
            assertTrue(error <= unclipped * (1 + 1e-6), bits + " bits: clipping never raises the error");
            if (bits == 2) {
                assertTrue(error < 0.8 * unclipped, "2 bits: clipping the outliers pays (" + error + " vs "
                        + unclipped + ")");
            }
        }
    }

    @Test
    void quantizingThePackageRoundsEveryTensorAndCountsItsBytes() {
        try (NDManager m = NDManager.newBaseManager()) {
            LinkAdapters a = adapters(m, codec(m), true);
            randomize(a, m);
            List<float[]> before = new ArrayList<>();
            long values = 0;
            for (Parameter p : a.getParameters().values()) {
                before.add(p.getArray().toFloatArray());
                values += p.getArray().getShape().size();
            }
            int tensors = before.size();
            assertEquals(values, a.parameters());
            assertEquals((values * 4 + 7) / 8 + 4L * tensors, a.quantize(4));
            int t = 0;
            for (Parameter p : a.getParameters().values()) {
                assertArrayEquals(LinkAdapters.rounded(before.get(t++), 4), p.getArray().toFloatArray(), 1e-7f);
            }
            randomize(a, m);
            assertEquals(values * 2, a.quantize(16), "half precision: 2 bytes a value, no scales");
            for (Parameter p : a.getParameters().values()) {
                for (float v : p.getArray().toFloatArray()) {
                    assertEquals(halfRoundTrip(v), v, 0f, "a half-precision value");
                }
            }
            assertThrows(IllegalArgumentException.class, () -> a.quantize(3));
        }
    }

    /** A value through IEEE half precision and back (round to nearest even), written out for the test. */
    private static float halfRoundTrip(float v) {
        if (v == 0) {
            return v;
        }
        int exponent = Math.getExponent(v);
        float ulp = (float) Math.scalb(1.0, Math.max(exponent, -14) - 10);
        return (float) (Math.rint(v / ulp) * ulp);
    }

    @Test
    void aligningLowersTheLossAndTrainsOnlyThePackageOrAllOfTheCodec() {
        Random r = new Random(9);
        float[][] latents = new float[256][256];
        for (float[] x : latents) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (Math.sin(i / 9.0 + r.nextInt(4)) + 0.3 * r.nextGaussian());
            }
        }
        for (boolean aware : new boolean[] {false, true}) {
            double[] loss = new double[2];
            int[] epochs = {1, 6};
            for (int e = 0; e < 2; e++) {
                try (Model base = Model.newInstance("base"); Model m = Model.newInstance("package")) {
                    LinkJscc c = codec(base.getNDManager());
                    base.setBlock(c);
                    float[] codecBefore = c.getParameters().get(0).getValue().getArray().toFloatArray();
                    m.setBlock(new LinkAdapters(c, RANK, aware));
                    loss[e] = LinkTraining.align(m, latents, new Training.Plan(epochs[e], 32, 1, s -> { }));
                    float[] codecAfter = c.getParameters().get(0).getValue().getArray().toFloatArray();
                    assertEquals(0f, maxAbs(codecBefore, codecAfter), "the codec stays frozen");
                }
            }
            assertTrue(loss[1] < 0.9 * loss[0], "condition-aware " + aware + ": loss after 6 epochs " + loss[1]
                    + " vs 1 epoch " + loss[0]);
        }
        double[] full = new double[2];
        int[] epochs = {1, 6};
        for (int e = 0; e < 2; e++) {
            try (Model m = Model.newInstance("full")) {
                LinkJscc c = codec(m.getNDManager());
                m.setBlock(c);
                float[] before = c.getParameters().get(0).getValue().getArray().toFloatArray();
                full[e] = LinkTraining.align(m, latents, new Training.Plan(epochs[e], 32, 1, s -> { }));
                assertTrue(maxAbs(before, c.getParameters().get(0).getValue().getArray().toFloatArray()) > 0,
                        "full fine-tuning trains the codec itself");
            }
        }
        assertTrue(full[1] < 0.9 * full[0], "full fine-tuning: loss after 6 epochs " + full[1] + " vs 1 epoch "
                + full[0]);
    }

    private static float maxAbs(float[] a, float[] b) {
        float d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
