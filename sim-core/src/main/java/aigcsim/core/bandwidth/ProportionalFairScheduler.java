package aigcsim.core.bandwidth;

import java.util.List;

/**
 * Proportional fair in the fluid model. With static rates, maximizing Σ log(rate) gives every flow an equal share;
 * under fading, the band goes to the flows whose current rate is highest relative to their own mean-SNR rate (the
 * "relative best" form of PF), so it exploits multi-user diversity without starving users with poor mean SNR.
 * Ties share equally, so on AWGN channels it equals {@link EqualShareScheduler}.
 */
public final class ProportionalFairScheduler implements BandwidthScheduler {
    private static final double TIE = 1e-12;

    @Override
    public double allocate(List<Flow> flows, double bandwidthHz, double nowS) {
        double best = 0;
        for (Flow f : flows) {
            best = Math.max(best, metric(f));
        }
        double top = best;
        BandwidthScheduler.shareEqually(flows, bandwidthHz,
                f -> f.currentSpectralEfficiency() > 0 && metric(f) >= top * (1 - TIE));
        return Double.POSITIVE_INFINITY;
    }

    private static double metric(Flow f) {
        double now = f.currentSpectralEfficiency();
        if (now <= 0) {
            return 0;
        }
        double mean = f.meanSpectralEfficiency();
        return mean > 0 ? now / mean : Double.MAX_VALUE;
    }

    @Override
    public String name() {
        return "proportional-fair";
    }
}
