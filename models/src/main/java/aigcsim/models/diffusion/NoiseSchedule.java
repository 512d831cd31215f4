package aigcsim.models.diffusion;

/**
 * The forward diffusion of seed 001 (eq. 18's training target): T = 1000 steps with Stable Diffusion's "scaled
 * linear" betas, √β from √0.00085 to √0.012, and ᾱ_t = Π(1 − β_s). x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε.
 */
public final class NoiseSchedule {
    /** Training steps T of seeds 000/001. */
    public static final int T = 1000;
    private static final double BETA_START = 0.00085;
    private static final double BETA_END = 0.012;

    private final double[] alphaBar = new double[T];

    public NoiseSchedule() {
        double prod = 1;
        for (int t = 0; t < T; t++) {
            double s = Math.sqrt(BETA_START) + (Math.sqrt(BETA_END) - Math.sqrt(BETA_START)) * t / (T - 1);
            prod *= 1 - s * s;
            alphaBar[t] = prod;
        }
    }

    /** ᾱ_t for t in [0, T); ᾱ_{−1} = 1 (the clean sample). */
    public double alphaBar(int t) {
        return t < 0 ? 1.0 : alphaBar[t];
    }

    /** The noise-to-signal variance ratio (1 − ᾱ_t)/ᾱ_t, increasing in t. */
    public double noiseToSignal(int t) {
        return (1 - alphaBar(t)) / alphaBar(t);
    }

    /**
     * The DDIM timesteps of a T̂-step sampler, from noisiest to cleanest: τ_k = (k + 1)·T/T̂ − 1 for k = T̂−1 … 0
     * (999, 949, …, 49 for T̂ = 20).
     */
    public int[] ddimTimesteps(int steps) {
        if (steps < 1 || steps > T) {
            throw new IllegalArgumentException("DDIM steps must be in [1, " + T + "], got " + steps);
        }
        int[] ts = new int[steps];
        for (int i = 0; i < steps; i++) {
            ts[i] = (int) Math.round((double) (steps - i) * T / steps) - 1;
        }
        return ts;
    }

    /**
     * The step-matching rule of Proposition 1 / CDDM: a latent at diffusion step t that crossed a channel adding
     * noise of variance σ² (relative to the latent's unit-variance scale) has noise-to-signal ratio
     * ((1 − ᾱ_t) + σ²)/ᾱ_t; the matched step is the t' whose (1 − ᾱ_t')/ᾱ_t' is closest to it. Returns −1 when
     * no noise is left (t = −1 and σ² = 0).
     */
    public int matchStep(int t, double channelNoiseVariance) {
        double target = ((1 - alphaBar(t)) + channelNoiseVariance) / alphaBar(t);
        if (target <= 0) {
            return -1;
        }
        int best = 0;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int s = 0; s < T; s++) {
            double err = Math.abs(Math.log(noiseToSignal(s)) - Math.log(target));
            if (err < bestErr) {
                bestErr = err;
                best = s;
            }
        }
        return best;
    }
}
