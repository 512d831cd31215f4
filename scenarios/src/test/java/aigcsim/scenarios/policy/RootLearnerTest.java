package aigcsim.scenarios.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.model.LatencyRequirement;
import aigcsim.core.policy.SplitState;
import aigcsim.models.rl.D3qn;
import aigcsim.models.rl.D3qnConfig;

/** When the learner's transitions reach the replay buffer: once both the reward and the next state are known. */
class RootLearnerTest {
    private static final DeviceProfile EDGE = DeviceProfile.bundled("rtx-a6000");

    private static SplitState decision(long id, int cell, double timeS) {
        return new SplitState(EDGE.cyclesPerStep(), EDGE.cyclesPerStep(), 3.0, EDGE.clockHz(), EDGE.clockHz(), 20e6,
                new LatencyRequirement(5, 25), 20, 1e5, 0, 0, 1.0, EDGE, EDGE, 0, 0, new double[21], 0, id, cell,
                timeS, 8);
    }

    /** A state for probing a network's Q-values. */
    SplitState probe() {
        return decision(0, 0, 0.0);
    }

    @Test
    void aTransitionIsStoredWhenItsRewardAndItsCellsNextStateAreBothKnown() {
        try (D3qn net = new D3qn(D3qnConfig.paper(RootState.EXTENDED.size(), 21).withHidden(8))) {
            RootLearner l = new RootLearner(net, RootState.EXTENDED);
            int a0 = l.edgeSteps(decision(0, 0, 0.0));
            assertTrue(a0 >= 0 && a0 <= 20);
            l.edgeSteps(decision(1, 1, 1.0)); // another cell: not request 0's next state
            l.ended(0, 0.5, 8.0);
            assertEquals(0, net.replaySize(), "request 0 has its reward, not yet its cell's next state");
            l.edgeSteps(decision(2, 0, 12.0));
            assertEquals(1, net.replaySize(), "request 2 is cell 0's next decision: request 0's transition is complete");
            l.edgeSteps(decision(3, 0, 13.0));
            assertEquals(1, net.replaySize(), "request 2 has a next state, not yet its reward");
            l.ended(2, 1.0, 20.0);
            assertEquals(2, net.replaySize());
            l.ended(99, 1.0, 21.0); // a request the learner did not decide
            l.ended(1, 0.0, 30.0); // cell 1 never decided again: no next state, not stored
            assertEquals(2, net.replaySize());
            assertEquals(2, l.stored());
            assertEquals(4, l.decisions());
        }
    }
}
