package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import aigcsim.models.channel.LinkChannel;

/**
 * The knowledge-alignment package of the link codec of latents (DeKA-g's alignment of transmission knowledge): a
 * rank-r {@link LowRank} term on each convolution of the codec's encoder and of its latent reconstructor, the codec
 * itself frozen (it is not a child: its parameters are neither trained nor saved here, only the package is). Plain
 * LoRA adds the terms as they are; CALA (condition-aware LoRA) weights the r rank-1 components of every term by a
 * small gating network g(rate, SNR, τ) of the transmission condition, 2·sigmoid of a two-layer perceptron whose last
 * layer starts at 0 (every weight 1: CALA starts as LoRA). Inputs: the codec's five ({@link LinkJscc}) and the
 * condition features (B, {@value #CONDITION_FEATURES}) of {@link #condition}; output the received source.
 */
public final class LinkAdapters extends TracedBlock implements LinkCodec {
    /** The rank the bundled packages use. */
    public static final int RANK = 4;
    /** Rate (channels sent / all), SNR (dB / 10) and log10 of the delay spread over 100 ns. */
    public static final int CONDITION_FEATURES = 3;
    private static final int GATE_HIDDEN = 16;
    /** The precision a package is trained and stored at, bits per parameter. */
    public static final int STORED_BITS = 32;
    /** The clipping values {@link #rounded} tries. */
    static final int CLIP_CANDIDATES = 20;

    private final LinkJscc codec;
    private final int rank;
    private final LowRank[][] terms;
    private final Block gate;

    /** A package of rank {@code rank} for {@code codec} (the codec of latents), condition-aware or plain LoRA. */
    public LinkAdapters(LinkJscc codec, int rank, boolean conditionAware) {
        this.codec = codec;
        this.rank = rank;
        JsccCoder[] coders = codec.coders();
        String[] sides = {"encoder", "decoder"};
        terms = new LowRank[coders.length][JsccCoder.CONVOLUTIONS];
        for (int c = 0; c < coders.length; c++) {
            for (int layer = 0; layer < JsccCoder.CONVOLUTIONS; layer++) {
                terms[c][layer] = addChildBlock(sides[c] + layer, new LowRank(rank, JsccCoder.KERNEL,
                        coders[c].filters(layer)));
            }
        }
        if (conditionAware) {
            Linear out = Layers.linear(coders.length * JsccCoder.CONVOLUTIONS * rank);
            out.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            gate = addChildBlock("gate", new SequentialBlock().add(Layers.linear(GATE_HIDDEN))
                    .add(Layers.siluBlock()).add(out));
        } else {
            gate = null;
        }
    }

    /** Whether the terms are gated by the condition (CALA) or not (LoRA). */
    public boolean conditionAware() {
        return gate != null;
    }

    /** The features of a transmission condition, as the gate takes them. */
    public static float[] condition(int kept, double snrDb, LinkChannel channel) {
        return new float[] {kept / (float) LinkJscc.CHANNELS, JsccCoder.snrFeature(snrDb),
            (float) Math.log10(Math.max(channel.delaySpreadS(), 1e-9) / 100e-9)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
            PairList<String, Object> params) {
        NDArray g = gate == null ? null
                : Activation.sigmoid(call(gate, ps, in.get(5), training)).mul(2f);
        NDList inputs = new NDList(in.subList(0, 5));
        return codec.forward(ps, inputs, training, adapter(0, g, ps, training), adapter(1, g, ps, training));
    }

    private ConvAdapter adapter(int coder, NDArray g, ParameterStore ps, boolean training) {
        return (layer, x) -> {
            NDList in = new NDList(x);
            if (g != null) {
                int from = (coder * JsccCoder.CONVOLUTIONS + layer) * rank;
                in.add(g.get(new NDIndex(":, {}:{}", from, from + rank)));
            }
            return call(terms[coder][layer], ps, in, training).singletonOrThrow();
        };
    }

    @Override
    public Shape source() {
        return codec.source();
    }

    @Override
    public float[][] transmit(NDManager parent, float[][] sources, double snrDb, int kept, LinkChannel channel,
            long[] seeds) {
        return LinkJscc.send(this, codec.source(), condition(kept, snrDb, channel), parent, sources, snrDb, kept,
                channel, seeds);
    }

    /** The parameters of the package (the trainable ones: the codec's are not its). */
    public long parameters() {
        return count(this);
    }

    /** The parameters of a block. */
    public static long count(Block block) {
        return block.getParameters().values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
    }

    /**
     * Rounds every parameter of the package, in place, to {@code bits} bits: 32 leaves it as stored; 16 rounds to half
     * precision; 8, 4 or 2 with {@link #rounded}. Returns the package's size in bytes at that precision (with a 32-bit
     * scale per tensor below 16 bits).
     */
    public long quantize(int bits) {
        if (bits == STORED_BITS) {
            return 4 * parameters();
        }
        if (bits != 16 && bits != 8 && bits != 4 && bits != 2) {
            throw new IllegalArgumentException("adapters quantize to 32, 16, 8, 4 or 2 bits, not " + bits);
        }
        long values = 0;
        int tensors = 0;
        for (Parameter p : getParameters().values()) {
            NDArray w = p.getArray();
            values += w.getShape().size();
            tensors++;
            if (bits == 16) {
                try (NDArray half = w.toType(DataType.FLOAT16, false); NDArray back = half.toType(DataType.FLOAT32,
                        false)) {
                    w.set(back.toFloatArray());
                }
            } else {
                w.set(rounded(w.toFloatArray(), bits));
            }
        }
        return (values * bits + 7) / 8 + (bits < 16 ? 4L * tensors : 0);
    }

    /**
     * One tensor rounded to {@code bits} bits: the nearest of the 2^(bits−1) − 1 levels each side of 0 (2 bits: −s, 0,
     * s), k·s with s = c / levels, the clipping value c chosen among {@value #CLIP_CANDIDATES} fractions of the
     * largest magnitude (1/N … 1) for the least squared error (most weights are small: clipping the few large ones
     * buys the many a finer step).
     */
    static float[] rounded(float[] w, int bits) {
        int levels = (1 << (bits - 1)) - 1;
        float max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        float[] best = w.clone();
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= CLIP_CANDIDATES && max > 0; i++) {
            float step = max * i / CLIP_CANDIDATES / levels;
            float[] q = new float[w.length];
            double error = 0;
            for (int j = 0; j < w.length; j++) {
                q[j] = Math.max(-levels, Math.min(levels, Math.round(w[j] / step))) * step;
                error += (q[j] - w[j]) * (q[j] - w[j]);
            }
            if (error < bestError) {
                bestError = error;
                best = q;
            }
        }
        return best;
    }
}
