package aigcsim.core.policy;

import java.util.List;

import aigcsim.core.channel.ShannonRate;
import aigcsim.core.cost.CostModel;
import aigcsim.core.framework.Framework;
import aigcsim.core.metrics.SatisfactionScore;
import aigcsim.core.quality.QualityTable;

/**
 * Picks a, the number of the T̂ denoising steps the edge runs (seeds 000/001's workload-adjustable transceiver).
 * Implementations observe the MDP state of seed 001 Sec. IV-B ({@link SplitState}) when a request arrives and are told
 * its eq. 24 reward when it ends ({@link #ended}); the learned ROOT policy plugs in here through a {@link Source}.
 */
public interface SplitPolicy {
    /** a in [0, T̂]. */
    int edgeSteps(SplitState state);

    String name();

    /**
     * The request {@code requestId}, split by this policy, ended at {@code timeS} with eq. 24's satisfaction as its
     * reward (0 when it failed). A learning policy closes its transition here; one that did not decide the request
     * (a policy set by the timeline after it arrived) ignores it.
     */
    default void ended(long requestId, double reward, double timeS) {
    }

    /**
     * Makes the policy a name stands for. A run asks for its policies when each replication starts (and when its
     * timeline switches policy), so a learning policy gets one instance per replication.
     */
    @FunctionalInterface
    interface Source {
        SplitPolicy policy(String name);

        /** sim-core's own policies ({@link #of}); {@code root} needs the source of the command line. */
        Source BUILT_IN = SplitPolicy::of;
    }

    /** The learned policy's name: ROOT (seed 001), loaded from a checkpoint outside sim-core. */
    String ROOT = "root";

    /** The policy names a scenario may give. */
    List<String> NAMES = List.of("fixed:<a>", "edge-only", "local-only", "greedy", "quality-greedy", ROOT);

    /** sim-core's own policies; {@code root} is an error here (it needs its checkpoint: {@link Source}). */
    static SplitPolicy of(String name) {
        if (name.equals(ROOT)) {
            throw new IllegalArgumentException("split policy 'root' is the learned ROOT policy: it is loaded from its "
                    + "checkpoint by the aigcsim command line (a run through sim-core's Java API passes a "
                    + "SplitPolicy.Source that makes it)");
        }
        if (name.equals("edge-only")) {
            return new Fixed(-1);
        }
        if (name.equals("local-only")) {
            return new Fixed(0);
        }
        if (name.equals("greedy")) {
            return new Greedy();
        }
        if (name.equals("quality-greedy")) {
            return new QualityGreedy(QualityTable.bundled());
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
     * Expected latency of a split from the cost model (eq. 19 + eq. 20 + the load): when the edge would finish the
     * request's extraction and a steps at the batch it would run in (its wait included), the latent's transmission
     * at the expected bandwidth, the device's wait and its T̂ − a steps and the decode.
     */
    static double expectedLatencyS(SplitState s, int a) {
        double tx = s.latentBits() / ShannonRate.bitsPerSecond(s.expectedBandwidthHz(), s.snrDb());
        double device = CostModel.computeS(s.deviceProfile(), s.totalSteps() - a, false, true, 1.0);
        return s.edgeFinishS()[a] + tx + s.deviceBacklogS() + device;
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

    /**
     * The a of the highest expected satisfaction of a correct image. With p the probability that the image shows
     * the prompted item (the quality table's semantic accuracy of SemAIGC's fine-tuned receiver at a and the link's
     * SNR) and R the regenerations the scenario's quality check allows, a request takes E = Σ_{k=0..R} (1 − p)^k
     * attempts on average and ends with a recognizable image with probability 1 − (1 − p)^(R+1); its value is that
     * probability times eq. 24's satisfaction at E times the expected latency of one attempt
     * ({@link #expectedLatencyS}). An image of the wrong item is worth nothing to its user. Ties go to the larger a.
     */
    record QualityGreedy(QualityTable table) implements SplitPolicy {
        @Override
        public int edgeSteps(SplitState state) {
            int best = state.totalSteps();
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int a = state.totalSteps(); a >= 0; a--) {
                double p = table.expected(Framework.SEM_AIGC, false, a, state.snrDb()).semanticAccuracy();
                double attempts = 0;
                for (int k = 0; k <= state.maxRegenerations(); k++) {
                    attempts += Math.pow(1 - p, k);
                }
                double value = (1 - Math.pow(1 - p, state.maxRegenerations() + 1))
                        * SatisfactionScore.of(attempts * expectedLatencyS(state, a), state.requirement());
                if (value > bestValue) {
                    best = a;
                    bestValue = value;
                }
            }
            return best;
        }

        @Override
        public String name() {
            return "quality-greedy";
        }
    }
}
