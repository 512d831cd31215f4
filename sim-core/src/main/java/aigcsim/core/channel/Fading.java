package aigcsim.core.channel;

/**
 * Small-scale fading on a link. {@code NONE}: AWGN, the SNR is its mean. {@code RAYLEIGH}: block fading, the power
 * gain |h|² ~ Exp(1) is drawn anew every coherence time and held within the block. {@code OFDM}: block fading of
 * every sub-carrier of an {@link Ofdm} band, correlated across them, drawn anew every coherence time.
 */
public record Fading(Kind kind, double coherenceS, Ofdm ofdm) {
    public enum Kind { NONE, RAYLEIGH, OFDM }

    public static final Fading NONE = new Fading(Kind.NONE, Double.POSITIVE_INFINITY, null);

    public Fading {
        if (kind != Kind.NONE && !(coherenceS > 0 && Double.isFinite(coherenceS))) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " fading needs a "
                    + "coherence time > 0 s, got " + coherenceS);
        }
        if ((kind == Kind.OFDM) != (ofdm != null)) {
            throw new IllegalArgumentException("OFDM fading, and only it, has an OFDM band: " + kind + ", " + ofdm);
        }
    }

    public static Fading rayleigh(double coherenceS) {
        return new Fading(Kind.RAYLEIGH, coherenceS, null);
    }

    public static Fading ofdm(double coherenceS, Ofdm band) {
        return new Fading(Kind.OFDM, coherenceS, band);
    }
}
