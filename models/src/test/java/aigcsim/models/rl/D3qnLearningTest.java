package aigcsim.models.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The agent solves problems whose optimal policy and Q-values are known. */
class D3qnLearningTest {
    /**
     * A contextual bandit: the state is a one-hot of 2 contexts, 4 actions, reward = the action's mean in that
     * context plus Gaussian noise (σ 0.3), discount 0 (every transition terminal), so Q(s, a) should learn the means.
     */
    @Test
    void contextualBanditFindsTheBestArmOfEachContext() {
        float[][] means = {{0.2f, 0.5f, 1.0f, 0.0f}, {0.8f, 0.3f, -0.2f, 0.5f}};
        int[] best = {2, 0};
        D3qnConfig c = D3qnConfig.paper(2, 4).withHidden(32).withBatchSize(32).withReplay(2_000, 64)
                .withLearningRate(1e-3).withTargetSyncEvery(50).withEpsilon(1.0, 0.1, 1_000).withSeed(3);
        SplittableRandom env = new SplittableRandom(12);
        try (D3qn net = new D3qn(c)) {
            for (int k = 0; k < 2_000; k++) {
                int ctx = env.nextInt(2);
                float[] s = oneHot(ctx);
                int a = net.act(s);
                float r = means[ctx][a] + (float) (0.3 * env.nextGaussian());
                net.remember(s, a, r, oneHot(env.nextInt(2)), 0f);
                net.learn();
            }
            for (int ctx = 0; ctx < 2; ctx++) {
                float[] q = net.q(oneHot(ctx));
                assertEquals(best[ctx], net.greedy(oneHot(ctx)), "context " + ctx + ": Q = " + Arrays.toString(q));
                assertEquals(means[ctx][best[ctx]], q[best[ctx]], 0.15, "Q of the best arm ≈ its mean reward");
            }
        }
    }

    /**
     * A two-state chain where the immediate reward misleads: in A, action 0 pays 0.1 and stays in A, action 1 pays 0
     * and moves to B; in B any action pays 1 and returns to A; γ = 0.9 per step. Staying earns 0.1/(1 − 0.9) = 1,
     * going earns V(A) = 0.9·V(B), V(B) = 1 + 0.9·V(A), so V(A) = 0.9/0.19 = 4.7368: the optimal policy goes.
     * Q*(A, 1) = 4.7368, Q*(A, 0) = 0.1 + 0.9·4.7368 = 4.3632, Q*(B, ·) = 1 + 0.9·4.7368 = 5.2632. Tolerance 0.1
     * (about 2 %; after 3,000 steps the errors are below 0.01 here), well under the 0.37 gap between Q*(A, 1) and
     * Q*(A, 0).
     */
    @Test
    void twoStateChainLearnsTheLongRunPolicyAndItsQValues() {
        D3qnConfig c = D3qnConfig.paper(2, 2).withHidden(32).withBatchSize(32).withReplay(2_000, 100)
                .withLearningRate(1e-3).withGamma(0.9).withTargetSyncEvery(50).withEpsilon(1.0, 0.1, 1_500);
        float[] stateA = oneHot(0);
        float[] stateB = oneHot(1);
        try (D3qn net = new D3qn(c)) {
            boolean inA = true;
            for (int k = 0; k < 3_000; k++) {
                int a = net.act(inA ? stateA : stateB);
                float r = inA ? (a == 0 ? 0.1f : 0f) : 1f;
                boolean nextA = !inA || a == 0;
                net.remember(inA ? stateA : stateB, a, r, nextA ? stateA : stateB, c.discount(1));
                net.learn();
                inA = nextA;
            }
            float[] qA = net.q(stateA);
            float[] qB = net.q(stateB);
            String msg = "Q(A) = " + Arrays.toString(qA) + ", Q(B) = " + Arrays.toString(qB);
            assertEquals(1, net.greedy(stateA), msg);
            assertTrue(qA[1] > qA[0], msg);
            double vA = 0.9 / 0.19;
            assertEquals(vA, qA[1], 0.1, msg);
            assertEquals(0.1 + 0.9 * vA, qA[0], 0.1, msg);
            assertEquals(1 + 0.9 * vA, qB[0], 0.1, msg);
            assertEquals(1 + 0.9 * vA, qB[1], 0.1, msg);
        }
    }

    private static float[] oneHot(int i) {
        float[] s = new float[2];
        s[i] = 1;
        return s;
    }
}
