package aigcsim.core.policy;

import java.util.List;

import aigcsim.core.channel.ShannonRate;
import aigcsim.core.cost.CostModel;

/**
 * Picks a, the number of the T̂ denoising steps the edge runs (seeds 000/001's workload-adjustable transceiver).
 * Implementations observe the MDP state of eq. 24 ({@link SplitState}); the learned ROOT policy plugs in here.
 */
public interface SplitPolicy {
    /** a in [0, T̂]. */
    int edgeSteps(SplitState state);

    String name();

    /** Names accepted by {@link #of(String)}. */
    List<String> NAMES = List.of("fixed:<a>", "edge-only", "local-only", "greedy");

    static SplitPolicy of(String name) {
        if (name.equals("edge-only")) {
            return new Fixed(-1);
        }
        if (name.equals("local-only")) {
            return new Fixed(0);
        }
        if (name.equals("greedy")) {
            return new Greedy();
        }
        if (name.startsWith("fixed:")) {
            try {
                int a = Integer.parseInt(name.substring("fixed:".length()).trim());
                if (a < 0) {
                    throw new IllegalArgumentException("split policy '" + name + "': a must be >= 0; allowed: "
                            + NAMES);
                }
                return new Fixed(a);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("split policy '" + name + "': a must be an integer, e.g. "
                        + "fixed:10; allowed: " + NAMES);
            }
        }
        throw new IllegalArgumentException("unknown split policy '" + name + "'; allowed: " + NAMES);
    }

    /**
     * Expected latency of a split from the cost model (eq. 19 + eq. 20 + backlogs): edge wait + edge extraction and
     * a steps + latent transmission at the expected bandwidth + device wait + T̂ − a steps and the decode.
     */
    static double expectedLatencyS(SplitState s, int a) {
        double edge = CostModel.computeS(s.edgeProfile(), a, true, false, s.pacr());
        double tx = s.latentBits() / ShannonRate.bitsPerSecond(s.expectedBandwidthHz(), s.snrDb());
        double device = CostModel.computeS(s.deviceProfile(), s.totalSteps() - a, false, true, 1.0);
        return s.edgeBacklogS() + edge + tx + s.deviceBacklogS() + device;
    }

    /** A fixed a (clipped to T̂); {@code -1} means a = T̂ (edge-only). */
    record Fixed(int a) implements SplitPolicy {
        @Override
        public int edgeSteps(SplitState state) {
            return a < 0 ? state.totalSteps() : Math.min(a, state.totalSteps());
        }

        @Override
        public String name() {
            return a < 0 ? "edge-only" : a == 0 ? "local-only" : "fixed:" + a;
        }
    }

    /** The a of minimum expected latency; ties go to the larger a (less work on the device's battery). */
    record Greedy() implements SplitPolicy {
        @Override
        public int edgeSteps(SplitState state) {
            int best = state.totalSteps();
            double bestL = expectedLatencyS(state, best);
            for (int a = state.totalSteps() - 1; a >= 0; a--) {
                double l = expectedLatencyS(state, a);
                if (l < bestL) {
                    best = a;
                    bestL = l;
                }
            }
            return best;
        }

        @Override
        public String name() {
            return "greedy";
        }
    }
}
