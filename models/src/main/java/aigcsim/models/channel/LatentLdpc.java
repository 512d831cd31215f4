package aigcsim.models.channel;

/**
 * The Latent-LDPC baseline of DeKA-g: the latent itself is sent digitally. Each value is quantized uniformly to b
 * bits over [−{@value #RANGE}, {@value #RANGE}] (the latents are scaled to unit standard deviation, so the range is
 * four of them and known to both sides), with b the most the bit budget of the channel uses allows
 * ({@link DigitalImageLink#budgetBits}: the 5G NR LDPC + QAM threshold abstraction), at most {@value #MAX_BITS}.
 * When the budget is under one bit per value the latent is lost.
 */
public final class LatentLdpc {
    /** The quantizer's range, ± this (in latent standard deviations). */
    public static final double RANGE = 4;
    /** The most bits per value sent (a float's precision is not the point of the baseline). */
    public static final int MAX_BITS = 8;

    /** What arrived: the latent (null when lost), its bits per value and the budget. */
    public record Delivery(float[] latent, int bitsPerValue, double budgetBits) {
        public boolean lost() {
            return latent == null;
        }
    }

    private LatentLdpc() {
    }

    /** Sends {@code latent} over {@code channelUses} complex symbols of {@code channel} at mean SNR {@code snrDb}. */
    public static Delivery send(float[] latent, double snrDb, int channelUses, LinkChannel channel, long seed) {
        double budget = DigitalImageLink.budgetBits(snrDb, channel.powerGains(channelUses, seed));
        int bits = (int) Math.min(MAX_BITS, Math.floor(budget / latent.length));
        if (bits < 1) {
            return new Delivery(null, 0, budget);
        }
        return new Delivery(quantize(latent, bits), bits, budget);
    }

    /** Each value to the middle of its cell of 2^bits equal cells over the range, clipped to the range. */
    public static float[] quantize(float[] latent, int bits) {
        int levels = 1 << bits;
        double cell = 2 * RANGE / levels;
        float[] q = new float[latent.length];
        for (int i = 0; i < q.length; i++) {
            int level = (int) Math.floor((latent[i] + RANGE) / cell);
            level = Math.max(0, Math.min(levels - 1, level));
            q[i] = (float) (-RANGE + (level + 0.5) * cell);
        }
        return q;
    }
}
