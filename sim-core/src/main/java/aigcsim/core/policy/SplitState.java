package aigcsim.core.policy;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.model.LatencyRequirement;

/**
 * What a split policy observes when a request arrives: the state x of seed 001's MDP (Sec. IV-B) — processing
 * density W̄ of edge and device (cycles per denoising step), SNR, processing capability ν̄ of edge (× PACR) and
 * device, the expected bandwidth B̄ of the link and the delay requirement — plus what the cost model needs to
 * predict latency: the profiles, PACR, T̂, the transmitted size and the current edge and device backlogs.
 */
public record SplitState(double edgeCyclesPerStep, double deviceCyclesPerStep, double snrDb,
        double edgeCapabilityHz, double deviceCapabilityHz, double expectedBandwidthHz,
        LatencyRequirement requirement, int totalSteps, double latentBits, double edgeBacklogS,
        double deviceBacklogS, double pacr, DeviceProfile edgeProfile, DeviceProfile deviceProfile) {
}
