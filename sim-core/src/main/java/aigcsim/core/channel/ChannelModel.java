package aigcsim.core.channel;

import java.util.SplittableRandom;

import org.apache.commons.statistics.distribution.NormalDistribution;

import aigcsim.core.random.RandomStreams;

/**
 * The downlink channel of every user–cell link: a mean SNR ({@link MeanSnr}) and small-scale fading
 * ({@link Fading}). Shadowing, Rayleigh and OFDM gains are keyed draws (user, cell or coherence block), so every run
 * of a scenario and seed — serial or async — sees the same channel whenever it looks.
 */
public final class ChannelModel {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final MeanSnr meanSnr;
    private final Fading fading;
    private final RandomStreams streams;

    public ChannelModel(MeanSnr meanSnr, Fading fading, RandomStreams streams) {
        this.meanSnr = meanSnr;
        this.fading = fading;
        this.streams = streams;
    }

    public MeanSnr meanSnr() {
        return meanSnr;
    }

    public Fading fading() {
        return fading;
    }

    /** Link-budget mean SNR of a user at {@code distanceM} from cell {@code cellId} (path-loss mode only). */
    public double linkBudgetSnrDb(int userId, int cellId, double distanceM, double bandwidthHz) {
        if (!(meanSnr instanceof MeanSnr.PathLoss pl)) {
            throw new IllegalStateException("link-budget SNR asked of a channel whose mean SNR is " + meanSnr);
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(
                streams.uniform(RandomStreams.CHANNEL + "/shadowing", userId, cellId));
        return pl.snrDb(distanceM, bandwidthHz) + pl.shadowingSigmaDb() * z;
    }

    /**
     * The fading power gains in dB of a user's link at time {@code timeS}: one for a flat link (0 dB without fading),
     * one per sub-carrier with OFDM.
     */
    public double[] gainsDb(int userId, double timeS) {
        if (fading.kind() == Fading.Kind.NONE) {
            return new double[] {0.0};
        }
        long block = block(timeS);
        if (fading.kind() == Fading.Kind.OFDM) {
            double[] g = fading.ofdm().powerGains(new SplittableRandom(streams.key(RandomStreams.CHANNEL + "/ofdm",
                    userId, block)));
            for (int k = 0; k < g.length; k++) {
                g[k] = 10 * Math.log10(g[k]);
            }
            return g;
        }
        double gain = -Math.log(streams.uniform(RandomStreams.CHANNEL + "/fading", userId, block));
        return new double[] {10 * Math.log10(gain)};
    }

    /** When the fading of a link next changes after {@code timeS}; +∞ without fading. */
    public double nextFadingChangeS(double timeS) {
        if (fading.kind() == Fading.Kind.NONE) {
            return Double.POSITIVE_INFINITY;
        }
        long block = block(timeS);
        double next = (block + 1) * fading.coherenceS();
        // (k+1)·Tc rounds to either side of where block k+1 starts: settle on the first time that is in it
        while (block(next) <= block) {
            next = Math.nextUp(next);
        }
        while (block(Math.nextDown(next)) > block) {
            next = Math.nextDown(next);
        }
        return next;
    }

    /** The coherence block a time falls in; the one definition both the gain and its change time use. */
    private long block(double timeS) {
        return (long) Math.floor(timeS / fading.coherenceS());
    }
}
