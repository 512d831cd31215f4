package aigcsim.models.training;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import aigcsim.core.channel.Ofdm;
import aigcsim.core.sim.Defaults;
import aigcsim.models.channel.LinkChannel;
import aigcsim.models.nn.JsccCoder;
import aigcsim.models.nn.LinkAdapters;
import aigcsim.models.nn.LinkCodec;
import aigcsim.models.nn.LinkJscc;

/**
 * Training of the link-level codecs ({@link LinkJscc}) and of their knowledge-alignment packages
 * ({@link LinkAdapters}), each under a distribution of transmission conditions ({@link Conditions}): the bundled
 * codecs under {@link #TRAINING}; for DeKA-g's comparison of alignments, a codec pretrained under one condition
 * ({@link #MISALIGNED}) and aligned, by a package or by fine-tuning all of it, to {@link #ALIGNMENT_TARGET}.
 */
public final class LinkTraining {
    /** Lowest and highest training SNR of the link-level codec, dB. */
    public static final double SNR_LOW_DB = -5;
    public static final double SNR_HIGH_DB = 20;
    /**
     * The OFDM delay spreads the link-level codec trains on (TR 38.901 short, nominal and long); 10 ns and 1000 ns
     * are outside, for knowledge alignment to a condition it has not seen.
     */
    public static final double[] DELAY_SPREADS_S = {30e-9, 100e-9, 300e-9};
    /** The delay spreads knowledge alignment targets: very short and very long, outside {@link #DELAY_SPREADS_S}. */
    public static final double[] ALIGNMENT_DELAY_SPREADS_S = {10e-9, 1000e-9};
    /** The one SNR and delay spread of the misaligned pretraining. */
    public static final double MISALIGNED_SNR_DB = 10;
    public static final double MISALIGNED_DELAY_SPREAD_S = 100e-9;
    /**
     * The peak learning rate of a package's training (on a cosine); fine-tuning the whole codec peaks at
     * {@link Training#LEARNING_RATE}.
     */
    public static final float ADAPTER_LEARNING_RATE = 2e-3f;

    /** One transmission: SNR, symbol channels sent (1 … {@value LinkJscc#CHANNELS}) and the channel. */
    public record Condition(double snrDb, int kept, LinkChannel channel) {
    }

    /** A distribution of transmission conditions. */
    @FunctionalInterface
    public interface Conditions {
        Condition draw(Random rng);
    }

    /**
     * The bundled codecs': SNR uniform in [{@value #SNR_LOW_DB}, {@value #SNR_HIGH_DB}] dB, channels sent uniform
     * in 1 … C (variable rate by truncation), and AWGN (¼), flat Rayleigh (¼) or OFDM at one of
     * {@link #DELAY_SPREADS_S} (½).
     */
    public static final Conditions TRAINING = rng -> {
        double snrDb = uniformSnrDb(rng);
        int kept = 1 + rng.nextInt(LinkJscc.CHANNELS);
        double u = rng.nextDouble();
        LinkChannel channel = u < 0.25 ? LinkChannel.awgn() : u < 0.5 ? LinkChannel.rayleigh()
                : LinkChannel.ofdm(band(DELAY_SPREADS_S[rng.nextInt(DELAY_SPREADS_S.length)]));
        return new Condition(snrDb, kept, channel);
    };

    /**
     * DeKA-g's JSCC(MT) pretraining, misaligned with {@link #ALIGNMENT_TARGET}: every rate, but one SNR
     * ({@value #MISALIGNED_SNR_DB} dB) and one delay spread (100 ns).
     */
    public static final Conditions MISALIGNED = rng -> new Condition(MISALIGNED_SNR_DB,
            1 + rng.nextInt(LinkJscc.CHANNELS), LinkChannel.ofdm(band(MISALIGNED_DELAY_SPREAD_S)));

    /**
     * The conditions of knowledge alignment: SNR uniform in [{@value #SNR_LOW_DB}, {@value #SNR_HIGH_DB}] dB, every
     * rate, OFDM at one of {@link #ALIGNMENT_DELAY_SPREADS_S}.
     */
    public static final Conditions ALIGNMENT_TARGET = rng -> {
        double snrDb = uniformSnrDb(rng);
        int kept = 1 + rng.nextInt(LinkJscc.CHANNELS);
        return new Condition(snrDb, kept, LinkChannel.ofdm(band(
                ALIGNMENT_DELAY_SPREADS_S[rng.nextInt(ALIGNMENT_DELAY_SPREADS_S.length)])));
    };

    private LinkTraining() {
    }

    private static double uniformSnrDb(Random rng) {
        return SNR_LOW_DB + rng.nextDouble() * (SNR_HIGH_DB - SNR_LOW_DB);
    }

    /** The OFDM band of the link-level codec at a delay spread: the simulator's default 64 sub-carriers, 30 kHz. */
    public static Ofdm band(double delaySpreadS) {
        return new Ofdm(Defaults.OFDM_SUBCARRIERS, Defaults.OFDM_SPACING_HZ, delaySpreadS);
    }

    /** The OFDM channels of knowledge alignment's target, one a delay spread of {@link #ALIGNMENT_DELAY_SPREADS_S}. */
    public static List<LinkChannel> alignmentChannels() {
        return Arrays.stream(ALIGNMENT_DELAY_SPREADS_S).mapToObj(tau -> LinkChannel.ofdm(band(tau))).toList();
    }

    /**
     * Trains a link-level codec (of latents or of images) from its initialization to reproduce its sources, each
     * example under a condition drawn from {@code conditions}, at the constant {@link Training#LEARNING_RATE}; loss
     * ‖x̂ − x‖².
     */
    public static double codec(Model model, float[][] sources, Conditions conditions, Training.Plan plan) {
        return train(model, sources, conditions, Training.LearningRate.constant(Training.LEARNING_RATE), plan);
    }

    /**
     * Aligns a trained codec of latents to {@link #ALIGNMENT_TARGET}: {@code model}'s block is the codec itself (full
     * fine-tuning, peak {@link Training#LEARNING_RATE}) or a package of adapters of it (only the package trains,
     * peak {@link #ADAPTER_LEARNING_RATE}); the rate decays on a cosine.
     */
    public static double align(Model model, float[][] latents, Training.Plan plan) {
        float peak = model.getBlock() instanceof LinkAdapters ? ADAPTER_LEARNING_RATE : Training.LEARNING_RATE;
        return train(model, latents, ALIGNMENT_TARGET, Training.LearningRate.cosine(peak), plan);
    }

    private static double train(Model model, float[][] sources, Conditions conditions, Training.LearningRate rate,
            Training.Plan plan) {
        Engine.getInstance().setRandomSeed((int) plan.seed());
        Random rng = new Random(plan.seed() + 3);
        int values = LinkJscc.CHANNELS * 64;
        LinkCodec codec = (LinkCodec) model.getBlock();
        boolean conditioned = codec instanceof LinkAdapters;
        int size = (int) codec.source().size();
        int batch = plan.batchSize();
        Shape sourceShape = new Shape(batch).addAll(codec.source());
        Shape symbolShape = new Shape(batch, LinkJscc.CHANNELS, 8, 8);
        Shape[] inputs = conditioned
                ? new Shape[] {sourceShape, new Shape(batch, 1), symbolShape, symbolShape, symbolShape,
                    new Shape(batch, LinkAdapters.CONDITION_FEATURES)}
                : new Shape[] {sourceShape, new Shape(batch, 1), symbolShape, symbolShape, symbolShape};
        try (Trainer t = Training.trainer(model, inputs)) {
            return Training.loop(model.getName(), t, sources.length, plan, rate, (m, tr, idx) -> {
                int b = idx.length;
                float[] flat = new float[b * size];
                float[] snr = new float[b];
                float[] sigma = new float[b * values];
                float[] mask = new float[b * values];
                float[] condition = new float[b * LinkAdapters.CONDITION_FEATURES];
                for (int i = 0; i < b; i++) {
                    System.arraycopy(sources[idx[i]], 0, flat, i * size, size);
                    Condition c = conditions.draw(rng);
                    snr[i] = JsccCoder.snrFeature(c.snrDb());
                    LinkJscc.channelInputs(sigma, mask, i * values, c.snrDb(), c.kept(),
                            c.channel().powerGains(values / 2, rng.nextLong()));
                    System.arraycopy(LinkAdapters.condition(c.kept(), c.snrDb(), c.channel()), 0, condition,
                            i * LinkAdapters.CONDITION_FEATURES, LinkAdapters.CONDITION_FEATURES);
                }
                NDArray x = m.create(flat, sourceShape);
                NDList in = new NDList(x, m.create(snr).reshape(b, 1), m.create(sigma, symbolShape),
                        m.randomNormal(symbolShape), m.create(mask, symbolShape));
                if (conditioned) {
                    in.add(m.create(condition).reshape(b, LinkAdapters.CONDITION_FEATURES));
                }
                return tr.forward(in).singletonOrThrow().sub(x).square().mean();
            });
        }
    }
}
