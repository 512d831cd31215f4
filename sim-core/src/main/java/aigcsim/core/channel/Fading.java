package aigcsim.core.channel;

/**
 * Small-scale fading on a link. {@code NONE}: AWGN, the SNR is its mean. {@code RAYLEIGH}: block fading, the power
 * gain |h|² ~ Exp(1) is drawn anew every coherence time and held within the block.
 */
public record Fading(Kind kind, double coherenceS) {
    public enum Kind { NONE, RAYLEIGH }

    public static final Fading NONE = new Fading(Kind.NONE, Double.POSITIVE_INFINITY);

    public Fading {
        if (kind == Kind.RAYLEIGH && !(coherenceS > 0 && Double.isFinite(coherenceS))) {
            throw new IllegalArgumentException("Rayleigh fading needs a coherence time > 0 s, got " + coherenceS);
        }
    }

    public static Fading rayleigh(double coherenceS) {
        return new Fading(Kind.RAYLEIGH, coherenceS);
    }
}
