package aigcsim.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ReplayBufferTest {
    /** Transition k: s = (k, −k), a = k mod 3, r = 10k, s' = (k + 1, 0), discount 0.5. */
    private static void addTransition(ReplayBuffer b, int k) {
        b.add(new float[] {k, -k}, k % 3, 10f * k, new float[] {k + 1, 0}, 0.5f);
    }

    @Test
    void ringBufferKeepsTheNewestAndSamplesWholeTransitions() {
        ReplayBuffer b = new ReplayBuffer(4, 2);
        for (int k = 0; k < 6; k++) {
            addTransition(b, k);
        }
        assertEquals(4, b.size());
        assertEquals(4, b.capacity());
        assertEquals(6, b.added());
        ReplayBuffer.Batch batch = b.sample(400, new SplittableRandom(3));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            int k = (int) batch.states()[2 * i];
            seen.add(k);
            assertEquals(-k, batch.states()[2 * i + 1]);
            assertEquals(k % 3, batch.actions()[i]);
            assertEquals(10f * k, batch.rewards()[i]);
            assertEquals(k + 1, batch.next()[2 * i]);
            assertEquals(0.5f, batch.discounts()[i]);
        }
        assertEquals(Set.of(2, 3, 4, 5), seen, "transitions 0 and 1 were overwritten; every held one is drawn");
    }

    @Test
    void samplingIsSeededAndInputIsCopiedAndChecked() {
        ReplayBuffer b = new ReplayBuffer(10, 2);
        float[] s = {1, 2};
        b.add(s, 0, 1f, new float[] {3, 4}, 1f);
        s[0] = 99;
        assertEquals(1f, b.sample(1, new SplittableRandom(1)).states()[0], "add copies the state");
        for (int k = 1; k < 10; k++) {
            addTransition(b, k);
        }
        assertArrayEquals(b.sample(32, new SplittableRandom(7)).states(), b.sample(32, new SplittableRandom(7)).states());
        assertThrows(IllegalArgumentException.class, () -> b.add(new float[3], 0, 0f, new float[2], 1f));
        assertThrows(IllegalArgumentException.class, () -> b.add(new float[] {Float.NaN, 0}, 0, 0f, new float[2], 1f));
        assertThrows(IllegalArgumentException.class, () -> b.add(new float[2], 0, Float.POSITIVE_INFINITY,
                new float[2], 1f));
        assertThrows(IllegalArgumentException.class, () -> b.add(new float[2], 0, 0f, new float[2], 1.5f));
        assertThrows(IllegalArgumentException.class, () -> b.add(new float[2], -1, 0f, new float[2], 1f));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(4, 2).sample(1,
                new SplittableRandom(1))).getMessage().contains("0 transitions"));
    }
}
