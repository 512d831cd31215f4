package aigcsim.core.channel;

/** The link rate of seed 001, eq. 19: v = B·log2(1 + SNR). */
public final class ShannonRate {
    private ShannonRate() {
    }

    /** log2(1 + SNR) in bit/s/Hz for an SNR in dB. */
    public static double spectralEfficiency(double snrDb) {
        return Math.log1p(Math.pow(10, snrDb / 10)) / Math.log(2);
    }

    public static double bitsPerSecond(double bandwidthHz, double snrDb) {
        return bandwidthHz * spectralEfficiency(snrDb);
    }
}
