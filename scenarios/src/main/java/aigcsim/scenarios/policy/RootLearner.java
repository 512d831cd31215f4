package aigcsim.scenarios.policy;

import java.util.HashMap;
import java.util.Map;

import aigcsim.core.policy.SplitPolicy;
import aigcsim.core.policy.SplitState;
import aigcsim.models.rl.D3qn;

/**
 * ROOT learning inside one simulated episode (seed 001, Algorithm 1). Each cell's edge is the agent: at a request's
 * arrival it observes the state x, picks a by the decaying ε-greedy rule and takes one D3QN minibatch step; the
 * transition (x, a, r, x′) is stored in the replay buffer once both its ends are known — the reward r, eq. 24's
 * satisfaction, when the request ends (0 when it fails), and x′, the state at the cell's next decision. Decisions
 * happen at irregular times, so the transition is a semi-MDP step: its bootstrap term is discounted by γ^Δt, with γ
 * per simulated second and Δt the time from this decision to the next one of the cell; the reward itself is not
 * discounted by the time the request took. The last decision of a cell in an episode has no next state and is not
 * stored (an episode is a cut of a continuing task, not a terminal state).
 */
final class RootLearner implements SplitPolicy {
    private final D3qn net;
    private final RootState state;
    private final Map<Long, Transition> awaitingReward = new HashMap<>();
    private final Map<Integer, Transition> lastOfCell = new HashMap<>();
    private long decisions;
    private long edgeStepsSum;
    private double lossSum;
    private long losses;
    private long stored;

    /** One decision on its way to the replay buffer. */
    private static final class Transition {
        final float[] x;
        final int a;
        final double timeS;
        float reward;
        boolean rewarded;
        float[] next;
        double nextTimeS;

        Transition(float[] x, int a, double timeS) {
            this.x = x;
            this.a = a;
            this.timeS = timeS;
        }
    }

    RootLearner(D3qn net, RootState state) {
        this.net = net;
        this.state = state;
    }

    @Override
    public int edgeSteps(SplitState s) {
        float[] x = state.encode(s);
        int a = net.act(x);
        Transition t = new Transition(x, a, s.timeS());
        Transition previous = lastOfCell.put(s.cellId(), t);
        if (previous != null) {
            previous.next = x;
            previous.nextTimeS = s.timeS();
            store(previous);
        }
        awaitingReward.put(s.requestId(), t);
        decisions++;
        edgeStepsSum += a;
        float loss = net.learn();
        if (!Float.isNaN(loss)) {
            lossSum += loss;
            losses++;
        }
        return a;
    }

    @Override
    public void ended(long requestId, double reward, double timeS) {
        Transition t = awaitingReward.remove(requestId);
        if (t != null) {
            t.reward = (float) reward;
            t.rewarded = true;
            store(t);
        }
    }

    private void store(Transition t) {
        if (t.rewarded && t.next != null) {
            net.remember(t.x, t.a, t.reward, t.next, net.config().discount(t.nextTimeS - t.timeS));
            stored++;
        }
    }

    @Override
    public String name() {
        return ROOT;
    }

    long decisions() {
        return decisions;
    }

    long stored() {
        return stored;
    }

    double meanEdgeSteps() {
        return decisions == 0 ? Double.NaN : (double) edgeStepsSum / decisions;
    }

    /** The mean minibatch loss of the episode's learning steps (NaN before learning starts). */
    double meanLoss() {
        return losses == 0 ? Double.NaN : lossSum / losses;
    }
}
