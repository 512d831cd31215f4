package aigcsim.core.channel;

/**
 * How a link's mean SNR is obtained: drawn per request from a range (the seeds' uniform [−6, 15] dB), or from the
 * link budget (transmit power, distance path loss, log-normal shadowing, thermal noise over the cell band).
 */
public sealed interface MeanSnr {
    /** Uniform in [lowDb, highDb], drawn per request. Seeds 000/001 use [−6, 15] dB. */
    record Uniform(double lowDb, double highDb) implements MeanSnr {
        public Uniform {
            if (!(highDb >= lowDb) || !Double.isFinite(lowDb) || !Double.isFinite(highDb)) {
                throw new IllegalArgumentException("SNR range needs finite low <= high, got [" + lowDb + ", "
                        + highDb + "] dB");
            }
        }
    }

    /**
     * Link budget: SNR = P_tx − PL(d) + shadowing − (N0 + 10·log10 B + NF). Path loss
     * PL(d) = interceptDb + slopeDb·log10(d / 1 km), d at least minDistanceM; shadowing ~ N(0, σ²) dB per user–cell pair.
     * Defaults ({@link #macro()}): 3GPP TR 36.814 macro cell, 46 dBm, 128.1 + 37.6·log10(d/km), σ = 8 dB, NF 9 dB.
     */
    record PathLoss(double txPowerDbm, double interceptDb, double slopeDb, double minDistanceM,
            double shadowingSigmaDb, double noiseFigureDb) implements MeanSnr {
        /** Thermal noise density, dBm/Hz at 290 K. */
        public static final double THERMAL_NOISE_DBM_PER_HZ = -174.0;

        public PathLoss {
            if (!(minDistanceM > 0) || !(shadowingSigmaDb >= 0) || !(slopeDb > 0)) {
                throw new IllegalArgumentException("path loss needs minDistanceM > 0, slopeDb > 0, "
                        + "shadowingSigmaDb >= 0");
            }
        }

        public static PathLoss macro() {
            return new PathLoss(46.0, 128.1, 37.6, 35.0, 8.0, 9.0);
        }

        public double pathLossDb(double distanceM) {
            return interceptDb + slopeDb * Math.log10(Math.max(distanceM, minDistanceM) / 1000.0);
        }

        /** Mean SNR over a band of {@code bandwidthHz} at this distance, before shadowing. */
        public double snrDb(double distanceM, double bandwidthHz) {
            double noiseDbm = THERMAL_NOISE_DBM_PER_HZ + 10 * Math.log10(bandwidthHz) + noiseFigureDb;
            return txPowerDbm - pathLossDb(distanceM) - noiseDbm;
        }
    }
}
