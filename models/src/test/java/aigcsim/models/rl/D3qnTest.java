package aigcsim.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Eqs. 25–27 by hand, the forward, one learn step, target synchronization, ε-greedy, determinism, leaks. */
class D3qnTest {
    private static float[] randomState(SplittableRandom rng, int n, double scale) {
        float[] s = new float[n];
        for (int j = 0; j < n; j++) {
            s[j] = (float) (rng.nextGaussian() * scale);
        }
        return s;
    }

    @Test
    void duelingAggregationByHand() {
        // mean(1, 2, 3) = 2: Q = 1 + (A − 2) = (0, 1, 2); mean(−2, 0, 4, 2) = 1: Q = 0.5 + (A − 1)
        float[][] q = D3qn.dueling(new float[] {1, 0.5f}, new float[][] {{1, 2, 3}, {-2, 0, 4, 2}});
        assertArrayEquals(new float[] {0, 1, 2}, q[0]);
        assertArrayEquals(new float[] {-2.5f, -0.5f, 3.5f, 1.5f}, q[1]);
    }

    @Test
    void doubleDqnTargetByHand() {
        float[] online = {1, 5, 2};
        float[] target = {7, 3, 4};
        // double DQN: the online net picks action 1, the target net values it: 0.5 + 0.9·3 = 3.2
        // (a plain DQN target, max of the target net, would be 0.5 + 0.9·7 = 6.8)
        assertEquals(3.2f, D3qn.doubleDqnTarget(0.5f, 0.9f, online, target), 1e-6f);
        assertEquals(0.5f, D3qn.doubleDqnTarget(0.5f, 0f, online, new float[] {Float.NaN, 1e30f, 1}),
                "terminal: the reward alone");
        assertEquals(2f + 0.5f * 9f, D3qn.doubleDqnTarget(2f, 0.5f, new float[] {3, 3, 1}, new float[] {9, 0, 0}),
                "ties go to the lowest index");
        assertThrows(IllegalArgumentException.class, () -> D3qn.doubleDqnTarget(0, 1, new float[2], new float[3]));
    }

    @Test
    void forwardIsTheDuelingAggregationOfItsHeads() {
        SplittableRandom rng = new SplittableRandom(11);
        try (D3qn net = new D3qn(D3qnConfig.paper(6, 5).withHidden(32))) {
            for (int k = 0; k < 20; k++) {
                float[] s = randomState(rng, 6, 3);
                float[][] h = net.heads(s);
                assertEquals(1, h[0].length);
                assertEquals(5, h[1].length);
                float[] expected = D3qn.dueling(new float[] {h[0][0]}, new float[][] {h[1]})[0];
                float[] q = net.q(s);
                assertArrayEquals(expected, q, 1e-5f);
                float mean = 0;
                for (float a : h[1]) {
                    mean += a / 5;
                }
                assertTrue(Math.abs(mean) > 1e-3, "a non-trivial advantage mean, so dropping it would fail");
            }
        }
    }

    /**
     * With the replay buffer full of copies of one transition, the minibatch is that transition n times, so
     * learn()'s loss must be (Q(s, a) − y)² with y of eq. 26 from the Q-values before the step. The online and
     * target nets are first made to disagree on argmax_a Q(s', a), so that a plain DQN target would differ.
     */
    @Test
    void learnStepIsTheSquaredDoubleDqnTdError() {
        D3qnConfig c = D3qnConfig.paper(3, 4).withHidden(16).withBatchSize(8).withReplay(64, 1)
                .withLearningRate(1e-2).withTargetSyncEvery(1_000);
        SplittableRandom rng = new SplittableRandom(5);
        try (D3qn net = new D3qn(c)) {
            assertTrue(Float.isNaN(net.learn()), "an empty buffer: no step");
            for (int k = 0; k < 64; k++) {
                net.remember(randomState(rng, 3, 1), rng.nextInt(4), (float) rng.nextGaussian() * 3,
                        randomState(rng, 3, 1), 0.9f);
            }
            for (int k = 0; k < 30; k++) {
                net.learn();
            }
            float[] next = null;
            for (int k = 0; k < 1000 && next == null; k++) {
                float[] cand = randomState(rng, 3, 2);
                if (argmax(net.q(cand)) != argmax(net.qTarget(cand))) {
                    next = cand;
                }
            }
            assertTrue(next != null, "online and target nets disagree somewhere after 30 unsynced steps");
            float[] s = {0.3f, -1.2f, 0.7f};
            int a = 2;
            float r = 0.25f;
            float d = 0.9f;
            for (int k = 0; k < 64; k++) {
                net.remember(s, a, r, next, d);
            }
            float y = D3qn.doubleDqnTarget(r, d, net.q(next), net.qTarget(next));
            float qsa = net.q(s)[a];
            float expected = (qsa - y) * (qsa - y);
            float plain = qsa - (r + d * net.qTarget(next)[argmax(net.qTarget(next))]);
            assertNotEquals(expected, plain * plain, 1e-3f, "the test must tell double from plain DQN");
            assertEquals(expected, net.learn(), 1e-5f * Math.max(1, expected));

            for (int k = 0; k < 64; k++) {
                net.remember(s, a, r, next, 0f);
            }
            float terminal = net.q(s)[a] - r;
            assertEquals(terminal * terminal, net.learn(), 1e-5f * Math.max(1, terminal * terminal));
        }
    }

    /** With huberDelta δ the loss of a TD error e is e²/2 within [−δ, δ] and δ(|e| − δ/2) outside. */
    @Test
    void huberLossIsQuadraticInsideTheThresholdAndLinearOutside() {
        D3qnConfig c = D3qnConfig.paper(3, 4).withHidden(16).withBatchSize(8).withReplay(64, 1)
                .withLearningRate(1e-2).withHuberDelta(1.0);
        try (D3qn net = new D3qn(c)) {
            float[] s = {0.3f, -1.2f, 0.7f};
            int a = 1;
            for (float e : new float[] {5f, -3f, 0.5f}) {
                float q = net.q(s)[a];
                for (int k = 0; k < 64; k++) {
                    net.remember(s, a, q + e, s, 0f); // terminal: y = r, so the TD error is -e
                }
                float abs = Math.abs(e);
                float expected = abs <= 1 ? e * e / 2 : abs - 0.5f;
                assertEquals(expected, net.learn(), 1e-4f, "TD error " + e);
            }
        }
    }

    @Test
    void targetNetworkIsSyncedEveryTargetSyncEverySteps() {
        D3qnConfig c = D3qnConfig.paper(3, 2).withHidden(8).withBatchSize(4).withReplay(16, 4)
                .withLearningRate(1e-2).withTargetSyncEvery(3);
        SplittableRandom rng = new SplittableRandom(2);
        try (D3qn net = new D3qn(c)) {
            float[] probe = {1, 2, 3};
            assertArrayEquals(net.q(probe), net.qTarget(probe), 0f, "the target starts as a copy");
            for (int k = 0; k < 3; k++) {
                net.remember(randomState(rng, 3, 1), k % 2, 1f, randomState(rng, 3, 1), 0.5f);
            }
            assertTrue(Float.isNaN(net.learn()), "3 transitions < learningStarts 4: no step");
            assertEquals(0, net.learnSteps());
            net.remember(randomState(rng, 3, 1), 1, 1f, randomState(rng, 3, 1), 0.5f);
            float[] initial = net.qTarget(probe);
            for (int step = 1; step <= 7; step++) {
                assertTrue(Float.isFinite(net.learn()));
                assertEquals(step, net.learnSteps());
                if (step % 3 == 0) {
                    assertArrayEquals(net.q(probe), net.qTarget(probe), 0f, "synced after step " + step);
                } else {
                    assertFalse(Arrays.equals(net.q(probe), net.qTarget(probe)), "not synced after step " + step);
                }
                if (step < 3) {
                    assertArrayEquals(initial, net.qTarget(probe), 0f, "the target does not move between syncs");
                }
            }
        }
    }

    @Test
    void epsilonGreedyActionsAreInRangeExploreAndThenFollowTheGreedyPolicy() {
        D3qnConfig c = D3qnConfig.paper(3, 5).withHidden(16).withEpsilon(1.0, 0.0, 500).withSeed(9);
        SplittableRandom rng = new SplittableRandom(4);
        try (D3qn net = new D3qn(c)) {
            assertEquals(1.0, net.epsilon());
            int[] counts = new int[5];
            for (int k = 0; k < 2_000; k++) {
                if (k == 250) {
                    assertEquals(0.5, net.epsilon(), 1e-12);
                }
                float[] s = randomState(rng, 3, k % 2 == 0 ? 1 : 1e4);
                int greedy = net.greedy(s);
                int a = net.act(s);
                assertTrue(a >= 0 && a < 5, "action " + a);
                assertTrue(greedy >= 0 && greedy < 5, "greedy action " + greedy);
                if (k < 200) {
                    counts[a]++;
                } else if (k >= 500) {
                    assertEquals(greedy, a, "ε = 0 after the decay: act is greedy");
                }
            }
            for (int a = 0; a < 5; a++) {
                assertTrue(counts[a] > 10, "action " + a + " explored " + counts[a] + " times in 200 ε ≥ 0.6 draws");
            }
            assertEquals(2_000, net.decisions(), "act counts decisions, greedy and q do not");
            assertEquals(0.0, net.epsilon());
            assertThrows(IllegalArgumentException.class, () -> net.act(new float[] {0, Float.NaN, 0}));
            assertThrows(IllegalArgumentException.class, () -> net.greedy(new float[2]));
            assertThrows(IllegalArgumentException.class, () -> net.remember(new float[3], 5, 0, new float[3], 1));
            assertEquals(2_000, net.decisions(), "a rejected state is not a decision");
        }
    }

    /** Same seed and calls: bit-identical Q-values, also when one net runs on another thread; another seed differs. */
    @Test
    void deterministicForASeed() throws Exception {
        D3qnConfig c = D3qnConfig.paper(4, 3).withHidden(16).withBatchSize(16).withReplay(500, 32)
                .withEpsilonDecayDecisions(200);
        float[][] a = train(c);
        float[][][] other = new float[1][][];
        Thread t = new Thread(() -> other[0] = train(c));
        t.start();
        t.join();
        float[][] b = other[0];
        float[][] d = train(c.withSeed(2));
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0f, "probe " + i);
            assertFalse(Arrays.equals(a[i], d[i]), "probe " + i + " with another seed");
        }
    }

    /** 300 decisions and learn steps on a random environment of its own seed; Q of fixed probe states. */
    private static float[][] train(D3qnConfig c) {
        SplittableRandom env = new SplittableRandom(77);
        try (D3qn net = new D3qn(c)) {
            float[] s = randomState(env, 4, 1);
            for (int k = 0; k < 300; k++) {
                int act = net.act(s);
                float[] next = randomState(env, 4, 1);
                net.remember(s, act, act - (float) env.nextDouble(), next, 0.9f);
                net.learn();
                s = next;
            }
            SplittableRandom probes = new SplittableRandom(1);
            float[][] q = new float[5][];
            for (int i = 0; i < q.length; i++) {
                q[i] = net.q(randomState(probes, 4, 1));
            }
            return q;
        }
    }

    @Test
    void noNativeArraysAreLeftBehindPerCall() {
        D3qnConfig c = D3qnConfig.paper(4, 3).withHidden(16).withBatchSize(8).withReplay(100, 8)
                .withTargetSyncEvery(10);
        SplittableRandom rng = new SplittableRandom(8);
        try (D3qn net = new D3qn(c)) {
            for (int k = 0; k < 20; k++) {
                net.remember(randomState(rng, 4, 1), k % 3, 1f, randomState(rng, 4, 1), 0.9f);
                net.learn();
            }
            int live = net.liveArrays();
            for (int k = 0; k < 500; k++) {
                float[] s = randomState(rng, 4, 1);
                net.act(s);
                net.q(s);
                net.remember(s, k % 3, 1f, randomState(rng, 4, 1), 0.9f);
                net.learn();
            }
            assertEquals(live, net.liveArrays(), "arrays held by the network after 500 more calls of each kind");
        }
        D3qn closed = new D3qn(c);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.q(new float[4]));
    }

    private static int argmax(float[] q) {
        int best = 0;
        for (int j = 1; j < q.length; j++) {
            if (q[j] > q[best]) {
                best = j;
            }
        }
        return best;
    }
}
