package aigcsim.core.policy;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.model.LatencyRequirement;

/**
 * What a split policy observes when a request arrives: the state x of seed 001's MDP (Sec. IV-B) — processing
 * density W̄ of edge and device (cycles per denoising step), SNR, processing capability ν̄ of edge (× PACR) and
 * device, the expected bandwidth B̄ of the link and the delay requirement — plus what the cost model needs to
 * predict latency: the profiles, PACR, T̂, the transmitted size, the current edge and device backlogs, the edge's
 * queue and batch occupancy, and {@code edgeFinishS[a]}: when the edge would finish this request with a steps,
 * costed at the batch it would run in ({@code EdgeScheduler.expectedEdgeS}); and how often an image failing the
 * scenario's quality check may be generated again (0 without a check); and, for a learning policy, which request of
 * which cell is being decided, when, and the edge's largest batch.
 */
public record SplitState(double edgeCyclesPerStep, double deviceCyclesPerStep, double snrDb,
        double edgeCapabilityHz, double deviceCapabilityHz, double expectedBandwidthHz,
        LatencyRequirement requirement, int totalSteps, double latentBits, double edgeBacklogS,
        double deviceBacklogS, double pacr, DeviceProfile edgeProfile, DeviceProfile deviceProfile,
        int edgeQueued, int edgeInCompute, double[] edgeFinishS, int maxRegenerations, long requestId,
        int cellId, double timeS, int maxBatch) {
}
