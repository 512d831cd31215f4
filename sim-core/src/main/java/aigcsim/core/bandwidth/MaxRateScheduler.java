package aigcsim.core.bandwidth;

import java.util.List;

/** Max-rate (max C/I): the whole band to the flows with the highest current spectral efficiency; ties share. */
public final class MaxRateScheduler implements BandwidthScheduler {
    @Override
    public double allocate(List<Flow> flows, double bandwidthHz, double nowS) {
        double best = 0;
        for (Flow f : flows) {
            best = Math.max(best, f.currentSpectralEfficiency());
        }
        double top = best;
        BandwidthScheduler.shareEqually(flows, bandwidthHz,
                f -> f.currentSpectralEfficiency() > 0 && f.currentSpectralEfficiency() >= top);
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String name() {
        return "max-rate";
    }
}
