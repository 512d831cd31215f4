package aigcsim.core.bandwidth;

import java.util.function.DoubleUnaryOperator;

import aigcsim.core.channel.ShannonRate;

/**
 * One active downlink transmission in a cell: {@code bits} to deliver at a spectral efficiency that depends on the
 * link's current SNR (eq. 19's log2(1 + SNR) for the analog latent, the MCS table for digital images). The
 * {@link BandwidthScheduler} sets its bandwidth share; the {@link Downlink} advances it.
 */
public final class Flow {
    private final long id;
    private final int userId;
    private final double totalBits;
    private final double meanSnrDb;
    private final DoubleUnaryOperator spectralEfficiency;
    private final double startS;

    double remainingBits;
    double snrDb;
    double nextSnrChangeS;
    double bandwidthHz;
    int outages;
    boolean inOutage;
    double shareIntegral;
    double snrDbIntegral;

    private double spectralEfficiencyNow;

    Flow(long id, int userId, double bits, double meanSnrDb, double[] gainsDb, DoubleUnaryOperator spectralEfficiency,
            double startS) {
        this.id = id;
        this.userId = userId;
        this.totalBits = bits;
        this.remainingBits = bits;
        this.meanSnrDb = meanSnrDb;
        this.spectralEfficiency = spectralEfficiency;
        this.startS = startS;
        fade(gainsDb);
    }

    /**
     * The link's fading gains change (dB, one for a flat link, one per sub-carrier with OFDM). Over sub-carriers the
     * spectral efficiency is their mean, each at its own SNR (the flow's share of the band spreads over all of them),
     * and the SNR of the flow is the effective one: the SNR of a flat link with the same Shannon capacity.
     */
    void fade(double[] gainsDb) {
        if (gainsDb.length == 1) {
            snrDb = meanSnrDb + gainsDb[0];
            spectralEfficiencyNow = spectralEfficiency.applyAsDouble(snrDb);
            return;
        }
        double se = 0;
        double capacity = 0;
        for (double g : gainsDb) {
            se += spectralEfficiency.applyAsDouble(meanSnrDb + g);
            capacity += ShannonRate.spectralEfficiency(meanSnrDb + g);
        }
        spectralEfficiencyNow = se / gainsDb.length;
        snrDb = 10 * Math.log10(Math.expm1(capacity / gainsDb.length * Math.log(2)));
    }

    public long id() {
        return id;
    }

    public int userId() {
        return userId;
    }

    public double totalBits() {
        return totalBits;
    }

    public double remainingBits() {
        return remainingBits;
    }

    /** The link's mean SNR (without fading), in dB. */
    public double meanSnrDb() {
        return meanSnrDb;
    }

    /** The current SNR (with fading; with OFDM the effective SNR, see {@link #fade}), in dB. */
    public double snrDb() {
        return snrDb;
    }

    /** Bits per second per Hz on the current channel; 0 in outage. */
    public double currentSpectralEfficiency() {
        return spectralEfficiencyNow;
    }

    /** Bits per second per Hz at the mean SNR. */
    public double meanSpectralEfficiency() {
        return spectralEfficiency.applyAsDouble(meanSnrDb);
    }

    public double bandwidthHz() {
        return bandwidthHz;
    }

    /** Sets the bandwidth share; called by schedulers. */
    public void setBandwidthHz(double hz) {
        if (!(hz >= 0)) {
            throw new IllegalArgumentException("bandwidth share must be >= 0 Hz, got " + hz);
        }
        this.bandwidthHz = hz;
    }

    public double rateBps() {
        return bandwidthHz * currentSpectralEfficiency();
    }

    public double startS() {
        return startS;
    }

    /** Times the flow fell into outage (digital link below the lowest MCS threshold). */
    public int outages() {
        return outages;
    }

    /** Time-averaged bandwidth share (Hz) from the start until {@code endS}. */
    public double meanBandwidthHz(double endS) {
        return endS > startS ? shareIntegral / (endS - startS) : bandwidthHz;
    }

    /** Time-averaged SNR (dB) the flow saw until {@code endS}. */
    public double meanSnrSeenDb(double endS) {
        return endS > startS ? snrDbIntegral / (endS - startS) : snrDb;
    }
}
