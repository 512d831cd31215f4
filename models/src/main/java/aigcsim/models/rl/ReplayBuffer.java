package aigcsim.models.rl;

import java.util.random.RandomGenerator;

/**
 * The experience replay memory of the D3QN (SemAIGC Sec. IV-C): a fixed-capacity ring buffer of transitions
 * (s, a, r, s', discount) — once full, each new transition replaces the oldest — with uniform minibatch sampling
 * (with replacement) from a caller-supplied seeded generator. Stored flat in primitive arrays; not thread-safe
 * ({@link D3qn} guards its own).
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int stateSize;
    private final float[] states;
    private final int[] actions;
    private final float[] rewards;
    private final float[] next;
    private final float[] discounts;
    private long added;

    /**
     * A minibatch, row i being one transition: {@code states} and {@code next} are row-major n × stateSize,
     * {@code discounts} the factors of the bootstrap terms.
     */
    public record Batch(int size, int stateSize, float[] states, int[] actions, float[] rewards, float[] next,
            float[] discounts) {
    }

    public ReplayBuffer(int capacity, int stateSize) {
        if (capacity < 1 || stateSize < 1) {
            throw new IllegalArgumentException("replay buffer: capacity " + capacity + " and state size " + stateSize
                    + " must be >= 1");
        }
        this.capacity = capacity;
        this.stateSize = stateSize;
        states = new float[Math.multiplyExact(capacity, stateSize)];
        actions = new int[capacity];
        rewards = new float[capacity];
        next = new float[states.length];
        discounts = new float[capacity];
    }

    /**
     * Stores a copy of one transition: finite states of length stateSize, an action >= 0, a finite reward and a
     * discount in [0, 1] (0 for a terminal transition); anything else is an {@link IllegalArgumentException}.
     */
    public void add(float[] s, int a, float r, float[] nextState, float discount) {
        check("state", s, stateSize);
        check("next state", nextState, stateSize);
        if (a < 0) {
            throw new IllegalArgumentException("replay buffer: action " + a + " must be >= 0");
        }
        if (!Float.isFinite(r)) {
            throw new IllegalArgumentException("replay buffer: reward " + r + " must be finite");
        }
        if (!(discount >= 0 && discount <= 1)) {
            throw new IllegalArgumentException("replay buffer: discount " + discount + " must be in [0, 1]");
        }
        int i = (int) (added % capacity);
        System.arraycopy(s, 0, states, i * stateSize, stateSize);
        System.arraycopy(nextState, 0, next, i * stateSize, stateSize);
        actions[i] = a;
        rewards[i] = r;
        discounts[i] = discount;
        added++;
    }

    /** Length and finiteness of a state vector. */
    static void check(String what, float[] s, int stateSize) {
        if (s == null || s.length != stateSize) {
            throw new IllegalArgumentException(what + " must have length " + stateSize + ", got "
                    + (s == null ? "null" : s.length));
        }
        for (int j = 0; j < s.length; j++) {
            if (!Float.isFinite(s[j])) {
                throw new IllegalArgumentException(what + "[" + j + "] = " + s[j] + " is not finite");
            }
        }
    }

    /** Transitions held: min(added, capacity). */
    public int size() {
        return (int) Math.min(added, capacity);
    }

    public int capacity() {
        return capacity;
    }

    /** Transitions added since creation, including those overwritten. */
    public long added() {
        return added;
    }

    /** n transitions drawn uniformly with replacement from those held (n ≥ 1, the buffer not empty). */
    public Batch sample(int n, RandomGenerator rng) {
        int size = size();
        if (n < 1 || size == 0) {
            throw new IllegalArgumentException("replay buffer: cannot sample " + n + " from " + size + " transitions");
        }
        float[] s = new float[n * stateSize];
        int[] a = new int[n];
        float[] r = new float[n];
        float[] s2 = new float[n * stateSize];
        float[] d = new float[n];
        for (int k = 0; k < n; k++) {
            int i = rng.nextInt(size);
            System.arraycopy(states, i * stateSize, s, k * stateSize, stateSize);
            System.arraycopy(next, i * stateSize, s2, k * stateSize, stateSize);
            a[k] = actions[i];
            r[k] = rewards[i];
            d[k] = discounts[i];
        }
        return new Batch(n, stateSize, s, a, r, s2, d);
    }
}
