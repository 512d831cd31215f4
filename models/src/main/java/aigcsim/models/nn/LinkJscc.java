package aigcsim.models.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import aigcsim.models.channel.LinkChannel;

/**
 * The link-level JSCC codecs: DeKA-g's ("Distillation-Enabled Knowledge Alignment for Generative Semantic
 * Communications of AIGC Images") on the latent ({@link #latent}), and DeepJSCC on the image itself ({@link #image},
 * the baseline of "Semantic Successive Refinement", with no diffusion anywhere). The source goes in, {@value #CHANNELS}
 * channels of 8×8 symbols come out, of which the first k are sent (variable rate by truncation: one model for every
 * rate, trained with random k; the receiver zero-fills the rest), each symbol quantized to its nearest 64-QAM point
 * (trained through a straight-through estimator), sent over a channel whose zero-forced noise differs symbol by symbol
 * (OFDM), and the source comes out.
 *
 * <p>Inputs: source x (B, 4, 8, 8) latent or (B, 1, 32, 32) image; SNR feature (B, 1); noise standard deviation per
 * real value after zero forcing (B, C, 8, 8); unit noise (B, C, 8, 8); mask (B, C, 8, 8), 1 on the channels sent and
 * 0 on the rest. Output: the received source x̂, shaped as x. Consecutive pairs of values are one complex symbol, so
 * channel c carries symbols 32c … 32c + 31. The decoder sees each zero-forced symbol weighted by its reliability
 * 1 / (1 + σ²) (the MMSE weight: a symbol in a deep fade, whose zero-forced noise is huge, counts for nearly nothing)
 * and, as channel knowledge, the reliabilities themselves; both are 0 where nothing was sent (zero fill).
 */
public final class LinkJscc extends TracedBlock implements LinkCodec {
    /** Symbol channels the encoder makes: 8 × 64 real values = 256 complex symbols at the full rate. */
    public static final int CHANNELS = 8;
    /** Complex symbols per channel. */
    public static final int SYMBOLS_PER_CHANNEL = 32;
    /** 64-QAM: the 8 levels per real dimension are the odd integers −7 … 7 times this, for unit mean power. */
    public static final double QAM_STEP = 1 / Math.sqrt(21);
    /** Bits a 64-QAM symbol carries. */
    public static final int QAM_BITS = 6;

    /** Mixed into a sample's seed for its channel noise (its channel gains use the seed itself). */
    private static final long NOISE_SEED_MIX = 0x6E6F697365L;

    private final Shape source;
    private final Block encoder;
    private final Block decoder;

    /** A codec of sources of shape {@code source} (per sample); the coders take (x, SNR feature). */
    private LinkJscc(Shape source, Block encoder, Block decoder) {
        this.source = source;
        this.encoder = addChildBlock("encoder", encoder);
        this.decoder = addChildBlock("decoder", decoder);
    }

    /** DeKA-g's codec of 4×8×8 latents. */
    public static LinkJscc latent(int width) {
        return new LinkJscc(new Shape(4, 8, 8), new JsccCoder(width, CHANNELS), new JsccCoder(width, 4));
    }

    /** DeepJSCC: the codec of 1×32×32 images. */
    public static LinkJscc image(int width) {
        return new LinkJscc(new Shape(1, 32, 32), ImageJsccCoder.encoder(width, CHANNELS),
                ImageJsccCoder.decoder(width));
    }

    @Override
    public Shape source() {
        return source;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
            PairList<String, Object> params) {
        return forward(ps, in, training, ConvAdapter.NONE, ConvAdapter.NONE);
    }

    /**
     * The codec on its inputs, with {@code encoderAdapter}'s and {@code decoderAdapter}'s terms added to the
     * convolutions of its encoder and of its decoder (the latent reconstructor); only the codec of latents takes
     * adapters ({@link #coders}).
     */
    NDList forward(ParameterStore ps, NDList in, boolean training, ConvAdapter encoderAdapter,
            ConvAdapter decoderAdapter) {
        NDArray mask = in.get(4);
        NDArray s = symbols(ps, in.get(0), in.get(1), mask, training, encoderAdapter);
        NDArray sigma = in.get(2);
        NDArray reliability = mask.div(sigma.square().add(1f));
        NDArray y = s.add(in.get(3).mul(sigma)).mul(reliability);
        return new NDList(code(decoder, ps, y.concat(reliability, 1), in.get(1), training, decoderAdapter));
    }

    /** The encoder and the decoder of the codec of latents, the coders knowledge-alignment adapters attach to. */
    JsccCoder[] coders() {
        if (encoder instanceof JsccCoder e && decoder instanceof JsccCoder d) {
            return new JsccCoder[] {e, d};
        }
        throw new IllegalArgumentException("knowledge alignment adapts the codec of latents; DeepJSCC's coders take "
                + "no adapters");
    }

    private NDArray code(Block coder, ParameterStore ps, NDArray x, NDArray snrFeature, boolean training,
            ConvAdapter adapter) {
        return adapter == ConvAdapter.NONE ? call(coder, ps, new NDList(x, snrFeature), training).singletonOrThrow()
                : ((JsccCoder) coder).run(ps, x, snrFeature, training, adapter);
    }

    /**
     * The transmitted symbols: encoded, scaled to unit power per real value over the channels sent, quantized to
     * 64-QAM, zero where not sent.
     */
    public NDArray symbols(ParameterStore ps, NDArray x, NDArray snrFeature, NDArray mask, boolean training) {
        return symbols(ps, x, snrFeature, mask, training, ConvAdapter.NONE);
    }

    private NDArray symbols(ParameterStore ps, NDArray x, NDArray snrFeature, NDArray mask, boolean training,
            ConvAdapter adapter) {
        NDArray s = code(encoder, ps, x, snrFeature, training, adapter);
        return qam64(Jscc.unitPower(s, mask)).mul(mask);
    }

    /**
     * Each value to the nearest 64-QAM level per real dimension, (2⌊v/2⌋ + 1)·step for v = x/step, clipped to ±7
     * steps; the gradient passes straight through (the straight-through estimator).
     */
    public static NDArray qam64(NDArray x) {
        float step = (float) QAM_STEP;
        NDArray q = x.div(step).div(2f).floor().mul(2f).add(1f).clip(-7f, 7f).mul(step);
        return x.add(q.sub(x).stopGradient());
    }

    /**
     * Sends each source sample (a latent in the latent scale, or an image in [−1, 1]) over its own draw of
     * {@code channel} at {@code snrDb} with the first {@code kept} channels: sample i's channel gains and noise come
     * from {@code seeds[i]}, so a sample sees the same channel at every rate and under either codec. Returns the
     * received samples.
     */
    @Override
    public float[][] transmit(NDManager parent, float[][] sources, double snrDb, int kept, LinkChannel channel,
            long[] seeds) {
        return send(this, source, null, parent, sources, snrDb, kept, channel, seeds);
    }

    /**
     * {@link #transmit} through {@code codec}, a codec of sources shaped {@code source} or adapters of one; a non-null
     * {@code condition} (the transmission condition's features) is its sixth input, the same for every sample.
     */
    static float[][] send(Block codec, Shape source, float[] condition, NDManager parent, float[][] sources,
            double snrDb, int kept, LinkChannel channel, long[] seeds) {
        int b = sources.length;
        int size = (int) source.size();
        int values = CHANNELS * 2 * SYMBOLS_PER_CHANNEL;
        float[] flat = new float[b * size];
        float[] sigma = new float[b * values];
        float[] mask = new float[b * values];
        float[] noise = new float[b * values];
        for (int i = 0; i < b; i++) {
            System.arraycopy(sources[i], 0, flat, i * size, size);
            channelInputs(sigma, mask, i * values, snrDb, kept, channel.powerGains(values / 2, seeds[i]));
            SplittableRandom rng = new SplittableRandom(seeds[i] ^ NOISE_SEED_MIX);
            for (int v = 0; v < values; v++) {
                noise[i * values + v] = (float) rng.nextGaussian();
            }
        }
        try (NDManager m = parent.newSubManager()) {
            Shape symbols = new Shape(b, CHANNELS, 8, 8);
            float[] snr = new float[b];
            Arrays.fill(snr, JsccCoder.snrFeature(snrDb));
            NDList in = new NDList(m.create(flat, new Shape(b).addAll(source)), m.create(snr, new Shape(b, 1)),
                    m.create(sigma, symbols), m.create(noise, symbols), m.create(mask, symbols));
            if (condition != null) {
                in.add(m.create(condition).reshape(1, condition.length).repeat(0, b));
            }
            float[] out = codec.forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            float[][] rec = new float[b][];
            for (int i = 0; i < b; i++) {
                rec[i] = Arrays.copyOfRange(out, i * size, (i + 1) * size);
            }
            return rec;
        }
    }

    /** The shape of a batch of {@code b} sources. */
    public Shape batch(int b) {
        return new Shape(b).addAll(source);
    }

    /** Complex symbols sent when the first {@code kept} channels are: the rate's channel uses. */
    public static int channelUses(int kept) {
        return kept * SYMBOLS_PER_CHANNEL;
    }

    /**
     * Fills one sample's noise standard deviation and mask (each {@code CHANNELS · 64} values from {@code offset}):
     * the first {@code kept} channels are sent; value v belongs to symbol v / 2, which has power gain
     * {@code gains[v / 2]} and so noise variance 1 / (SNR·|h|²) per real value after zero forcing.
     */
    public static void channelInputs(float[] sigma, float[] mask, int offset, double snrDb, int kept,
            double[] gains) {
        double snr = Math.pow(10, snrDb / 10);
        int sent = 2 * channelUses(kept);
        for (int v = 0; v < CHANNELS * 2 * SYMBOLS_PER_CHANNEL; v++) {
            boolean on = v < sent;
            mask[offset + v] = on ? 1f : 0f;
            sigma[offset + v] = on ? (float) Math.sqrt(1 / (snr * Math.max(gains[v / 2], 1e-12))) : 0f;
        }
    }
}
