package aigcsim.scenarios.policy;

import aigcsim.core.policy.SplitPolicy;
import aigcsim.core.policy.SplitState;
import aigcsim.models.rl.D3qn;

/**
 * ROOT deciding (seed 001, Sec. IV-C): the trained network's greedy action a = argmax_a Q(x, a) for the request's
 * state x; output i of the network is a = i edge steps (T̂ + 1 outputs for a = 0..T̂).
 */
public record RootPolicy(D3qn network, RootState state) implements SplitPolicy {
    @Override
    public int edgeSteps(SplitState s) {
        return network.greedy(state.encode(s));
    }

    @Override
    public String name() {
        return ROOT;
    }
}
