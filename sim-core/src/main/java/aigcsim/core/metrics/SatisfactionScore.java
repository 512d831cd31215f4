package aigcsim.core.metrics;

import aigcsim.core.model.LatencyRequirement;

/**
 * The satisfaction score (the ROOT reward) of seed 001, eq. 24: 1 when the latency L is below Ľ, falling linearly
 * (L̂ − L)/(L̂ − Ľ) between Ľ and L̂, 0 above L̂. The paper prints the middle case as (Ľ − L)/(Ľ − L̂), which rises
 * with L and jumps at both ends; we use the continuous, decreasing form also given in the seeds' constants.
 * A failed request scores 0.
 */
public final class SatisfactionScore {
    private SatisfactionScore() {
    }

    public static double of(double latencyS, LatencyRequirement requirement) {
        if (latencyS < requirement.lowS()) {
            return 1.0;
        }
        if (latencyS < requirement.highS()) {
            return (requirement.highS() - latencyS) / (requirement.highS() - requirement.lowS());
        }
        return 0.0;
    }
}
