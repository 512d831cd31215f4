package aigcsim.core.bandwidth;

import java.util.List;

/**
 * Processor sharing: every flow that can transmit gets B/N of the band. One flow of O bits alone takes
 * O/(B·log2(1 + SNR)) (eq. 19); N equal flows started together all finish at N times that.
 */
public final class EqualShareScheduler implements BandwidthScheduler {
    @Override
    public double allocate(List<Flow> flows, double bandwidthHz, double nowS) {
        BandwidthScheduler.shareEqually(flows, bandwidthHz, f -> f.currentSpectralEfficiency() > 0);
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String name() {
        return "equal-share";
    }
}
