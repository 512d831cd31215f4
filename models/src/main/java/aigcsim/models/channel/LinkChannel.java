package aigcsim.models.channel;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import aigcsim.core.channel.Ofdm;

/**
 * The channel of one link-level transmission of n complex symbols, as the power gain |h_i|² each symbol sees, drawn
 * from the transmission's seed (common random numbers: the same seed gives every scheme the same channel). AWGN:
 * every gain 1. Rayleigh block fading: one gain |h|², h ~ CN(0, 1), for the whole block. OFDM (DeKA-g, "Distillation-
 * Enabled Knowledge Alignment for Generative Semantic Communications of AIGC Images"): one block of correlated
 * sub-carrier gains ({@link Ofdm}); the symbols fill the K sub-carriers in order, then the next OFDM symbol, so
 * symbol i sees sub-carrier i mod K (the transmission is far shorter than the coherence time: one block). With
 * perfect channel knowledge the receiver equalizes by zero forcing, ŝ_i = y_i / h_i = s_i + n_i / h_i, and the noise
 * variance of symbol i becomes 1 / (SNR·|h_i|²).
 */
public record LinkChannel(Kind kind, Ofdm band) {
    /** The kinds of link-level channel. */
    public enum Kind { AWGN, RAYLEIGH, OFDM }

    public LinkChannel {
        if ((kind == Kind.OFDM) != (band != null)) {
            throw new IllegalArgumentException("an OFDM link needs its band, and only an OFDM link has one");
        }
    }

    public static LinkChannel awgn() {
        return new LinkChannel(Kind.AWGN, null);
    }

    public static LinkChannel rayleigh() {
        return new LinkChannel(Kind.RAYLEIGH, null);
    }

    public static LinkChannel ofdm(Ofdm band) {
        return new LinkChannel(Kind.OFDM, band);
    }

    /** The flat channel of the pipeline's tensor channel kind. */
    public static LinkChannel of(TensorChannel.Kind kind) {
        return kind == TensorChannel.Kind.RAYLEIGH ? rayleigh() : awgn();
    }

    /** The power gains |h_i|² of {@code symbols} complex symbols sent with {@code seed}. */
    public double[] powerGains(int symbols, long seed) {
        double[] g = new double[symbols];
        SplittableRandom rng = new SplittableRandom(seed);
        switch (kind) {
            case AWGN -> Arrays.fill(g, 1);
            case RAYLEIGH -> {
                double re = rng.nextGaussian() / Math.sqrt(2);
                double im = rng.nextGaussian() / Math.sqrt(2);
                Arrays.fill(g, re * re + im * im);
            }
            case OFDM -> {
                double[] sub = band.powerGains(rng);
                for (int i = 0; i < symbols; i++) {
                    g[i] = sub[i % sub.length];
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return g;
    }

    /** The delay spread of the OFDM band; 0 for the flat channels (the limit of a delay spread going to 0). */
    public double delaySpreadS() {
        return band == null ? 0 : band.delaySpreadS();
    }

    /** A short name for tables: awgn, rayleigh, ofdm-30ns. */
    public String label() {
        return kind == Kind.OFDM ? String.format(Locale.ROOT, "ofdm-%.0fns", band.delaySpreadS() * 1e9)
                : kind.name().toLowerCase(Locale.ROOT);
    }
}
