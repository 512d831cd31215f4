package aigcsim.core.channel;

import org.apache.commons.statistics.distribution.NormalDistribution;

import aigcsim.core.random.RandomStreams;

/**
 * The downlink channel of every user–cell link: a mean SNR ({@link MeanSnr}) and small-scale fading
 * ({@link Fading}). Shadowing and Rayleigh gains are keyed draws (user, cell or coherence block), so every run of a
 * scenario and seed — serial or async — sees the same channel whenever it looks.
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
        MeanSnr.PathLoss pl = (MeanSnr.PathLoss) meanSnr;
        double z = STANDARD_NORMAL.inverseCumulativeProbability(
                streams.uniform(RandomStreams.CHANNEL + "/shadowing", userId, cellId));
        return pl.snrDb(distanceM, bandwidthHz) + pl.shadowingSigmaDb() * z;
    }

    /** The fading power gain in dB of a user's link at time {@code timeS}; 0 dB without fading. */
    public double fadingGainDb(int userId, double timeS) {
        if (fading.kind() == Fading.Kind.NONE) {
            return 0.0;
        }
        long block = (long) Math.floor(timeS / fading.coherenceS());
        double gain = -Math.log(streams.uniform(RandomStreams.CHANNEL + "/fading", userId, block));
        return 10 * Math.log10(gain);
    }

    /** When the fading of a link next changes after {@code timeS}; +∞ without fading. */
    public double nextFadingChangeS(double timeS) {
        if (fading.kind() == Fading.Kind.NONE) {
            return Double.POSITIVE_INFINITY;
        }
        double next = (Math.floor(timeS / fading.coherenceS()) + 1) * fading.coherenceS();
        return next > timeS ? next : next + fading.coherenceS();
    }
}
