package aigcsim.models.rl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hyper-parameters of ROOT's dueling double deep Q-network (SemAIGC Sec. IV-C, eqs. 25–27). The paper fixes the
 * network (two ReLU hidden layers of 256 units), the minibatch (64), the discount (0.99) and a decaying ε-greedy
 * policy; everything else is our choice and says so below. Validated at construction: a bad value is an
 * {@link IllegalArgumentException} naming the field.
 *
 * @param stateSize length of the state vector (the caller's state definition)
 * @param actions number of discrete actions (the caller's action space)
 * @param hidden units of each of the two hidden ReLU layers (paper: 256)
 * @param learningRate Adam step size (ours: 1e-4; ROOT's Q-values diverged at 5e-4 in loaded cells)
 * @param gamma discount per unit of time (paper: 0.99); the agent itself never applies it: the caller passes the
 *        bootstrap factor of each transition to {@link D3qn#remember}, e.g. {@link #discount(double)} = γ^Δt
 * @param batchSize transitions per minibatch (paper: 64)
 * @param replayCapacity transitions the replay ring buffer keeps (ours: 20,000)
 * @param learningStarts transitions the buffer must hold before {@link D3qn#learn} takes a step (ours: 500)
 * @param targetSyncEvery learn steps between copies of the online network into the target network (ours: 1,000)
 * @param epsilonStart exploration probability of the first decision (ours: 1.0)
 * @param epsilonEnd exploration probability once the decay is over (ours: 0.05)
 * @param epsilonDecayDecisions decisions over which ε falls linearly from start to end (ours: 10,000; 0: end at once)
 * @param gradClip the gradients of all parameters together are rescaled to at most this global L2 norm (ours: 10)
 * @param seed seed of the initial weights, the ε draws and the minibatch sampling (ours: 1)
 * @param huberDelta the loss of a TD error: 0 for its square, eq. 27 (the paper's); δ > 0 for the Huber loss with
 *        threshold δ, whose gradient is the error clipped to [−δ, δ] (the error clipping of Mnih et al., "Human-level
 *        control through deep reinforcement learning", 2015)
 */
public record D3qnConfig(int stateSize, int actions, int hidden, double learningRate, double gamma, int batchSize,
        int replayCapacity, int learningStarts, int targetSyncEvery, double epsilonStart, double epsilonEnd,
        int epsilonDecayDecisions, double gradClip, long seed, double huberDelta) {

    public D3qnConfig {
        positive("stateSize", stateSize);
        positive("actions", actions);
        positive("hidden", hidden);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw bad("learningRate", learningRate, "a finite number > 0");
        }
        probability("gamma", gamma);
        positive("batchSize", batchSize);
        positive("replayCapacity", replayCapacity);
        if (learningStarts < 1 || learningStarts > replayCapacity) {
            throw bad("learningStarts", learningStarts, "in [1, replayCapacity = " + replayCapacity + "]");
        }
        positive("targetSyncEvery", targetSyncEvery);
        probability("epsilonStart", epsilonStart);
        probability("epsilonEnd", epsilonEnd);
        if (epsilonDecayDecisions < 0) {
            throw bad("epsilonDecayDecisions", epsilonDecayDecisions, ">= 0");
        }
        if (!(gradClip > 0) || !Double.isFinite(gradClip)) {
            throw bad("gradClip", gradClip, "a finite number > 0");
        }
        if (!(huberDelta >= 0) || !Double.isFinite(huberDelta)) {
            throw bad("huberDelta", huberDelta, "a finite number >= 0 (0: squared error)");
        }
    }

    /**
     * The paper's network and our defaults for what it leaves open: hidden 256, learning rate 1e-4 (Adam), γ 0.99,
     * batch 64, replay 20,000, learning starts at 500 transitions, target synced every 1,000 learn steps, ε from 1.0
     * to 0.05 linearly over 10,000 decisions, global-norm gradient clip 10, seed 1, the squared TD error (eq. 27).
     */
    public static D3qnConfig paper(int stateSize, int actions) {
        return new D3qnConfig(stateSize, actions, 256, 1e-4, 0.99, 64, 20_000, 500, 1_000, 1.0, 0.05, 10_000, 10.0, 1L, 0.0);
    }

    /** ε after this many decisions: linear from {@link #epsilonStart} to {@link #epsilonEnd}, then constant. */
    public double epsilon(long decisions) {
        if (decisions >= epsilonDecayDecisions) {
            return epsilonEnd;
        }
        return epsilonStart + (epsilonEnd - epsilonStart) * decisions / epsilonDecayDecisions;
    }

    /** γ^elapsed, the bootstrap factor of a semi-MDP transition that lasted {@code elapsed} units of time. */
    public float discount(double elapsed) {
        if (!(elapsed >= 0) || !Double.isFinite(elapsed)) {
            throw new IllegalArgumentException("elapsed time must be finite and >= 0, got " + elapsed);
        }
        return (float) Math.pow(gamma, elapsed);
    }

    public D3qnConfig withSeed(long seed) {
        return new D3qnConfig(stateSize, actions, hidden, learningRate, gamma, batchSize, replayCapacity,
                learningStarts, targetSyncEvery, epsilonStart, epsilonEnd, epsilonDecayDecisions, gradClip, seed, huberDelta);
    }

    /** The loss of a TD error: 0 squared (eq. 27), δ > 0 Huber with threshold δ. */
    public D3qnConfig withHuberDelta(double huberDelta) {
        return new D3qnConfig(stateSize, actions, hidden, learningRate, gamma, batchSize, replayCapacity,
                learningStarts, targetSyncEvery, epsilonStart, epsilonEnd, epsilonDecayDecisions, gradClip, seed,
                huberDelta);
    }

    public D3qnConfig withHidden(int hidden) {
        return new D3qnConfig(stateSize, actions, hidden, learningRate, gamma, batchSize, replayCapacity,
                learningStarts, targetSyncEvery, epsilonStart, epsilonEnd, epsilonDecayDecisions, gradClip, seed, huberDelta);
    }

    public D3qnConfig withLearningRate(double learningRate) {
        return new D3qnConfig(stateSize, actions, hidden, learningRate, gamma, batchSize, replayCapacity,
                learningStarts, targetSyncEvery, epsilonStart, epsilonEnd, epsilonDecayDecisions, gradClip, seed, huberDelta);
    }

    public D3qnConfig withGamma(double gamma) {
        return new D3qnConfig(stateSize, actions, hidden, learningRate, gamma, batchSize, replayCapacity,
                learningStarts, targetSyncEvery, epsilonStart, epsilonEnd, epsilonDecayDecisions, gradClip, seed, huberDelta);
    }

    public D3qnConfig withBatchSize(int batchSize) {
        return new D3qnConfig(stateSize, actions, hidden, learningRate, gamma, batchSize, replayCapacity,
                learningStarts, targetSyncEvery, epsilonStart, epsilonEnd, epsilonDecayDecisions, gradClip, seed, huberDelta);
    }

    /** The replay capacity and the buffer size at which learning starts (together: starts must fit). */
    public D3qnConfig withReplay(int replayCapacity, int learningStarts) {
        return new D3qnConfig(stateSize, actions, hidden, learningRate, gamma, batchSize, replayCapacity,
                learningStarts, targetSyncEvery, epsilonStart, epsilonEnd, epsilonDecayDecisions, gradClip, seed, huberDelta);
    }

    public D3qnConfig withLearningStarts(int learningStarts) {
        return withReplay(replayCapacity, learningStarts);
    }

    public D3qnConfig withTargetSyncEvery(int targetSyncEvery) {
        return new D3qnConfig(stateSize, actions, hidden, learningRate, gamma, batchSize, replayCapacity,
                learningStarts, targetSyncEvery, epsilonStart, epsilonEnd, epsilonDecayDecisions, gradClip, seed, huberDelta);
    }

    /** The whole ε schedule: from {@code start} to {@code end} linearly over {@code decayDecisions} decisions. */
    public D3qnConfig withEpsilon(double start, double end, int decayDecisions) {
        return new D3qnConfig(stateSize, actions, hidden, learningRate, gamma, batchSize, replayCapacity,
                learningStarts, targetSyncEvery, start, end, decayDecisions, gradClip, seed, huberDelta);
    }

    public D3qnConfig withEpsilonDecayDecisions(int epsilonDecayDecisions) {
        return withEpsilon(epsilonStart, epsilonEnd, epsilonDecayDecisions);
    }

    /** Every field, in declaration order, for a JSON manifest ({@link #fromMap} is the inverse). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stateSize", stateSize);
        m.put("actions", actions);
        m.put("hidden", hidden);
        m.put("learningRate", learningRate);
        m.put("gamma", gamma);
        m.put("batchSize", batchSize);
        m.put("replayCapacity", replayCapacity);
        m.put("learningStarts", learningStarts);
        m.put("targetSyncEvery", targetSyncEvery);
        m.put("epsilonStart", epsilonStart);
        m.put("epsilonEnd", epsilonEnd);
        m.put("epsilonDecayDecisions", epsilonDecayDecisions);
        m.put("gradClip", gradClip);
        m.put("seed", seed);
        m.put("huberDelta", huberDelta);
        return m;
    }

    /**
     * The config of a {@link #toMap} map, also as read back from JSON (any integral number for the int fields and
     * the seed, any number for the others); a missing, unknown or ill-typed field is an
     * {@link IllegalArgumentException} naming it.
     */
    public static D3qnConfig fromMap(Map<String, Object> m) {
        if (m == null) {
            throw new IllegalArgumentException("D3QN config: no map");
        }
        Set<String> known = paper(1, 1).toMap().keySet();
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("D3QN config: unknown field '" + k + "' (known: " + known + ")");
            }
        }
        return new D3qnConfig(intField(m, "stateSize"), intField(m, "actions"), intField(m, "hidden"),
                doubleField(m, "learningRate"), doubleField(m, "gamma"), intField(m, "batchSize"),
                intField(m, "replayCapacity"), intField(m, "learningStarts"), intField(m, "targetSyncEvery"),
                doubleField(m, "epsilonStart"), doubleField(m, "epsilonEnd"), intField(m, "epsilonDecayDecisions"),
                doubleField(m, "gradClip"), longField(m, "seed"), doubleField(m, "huberDelta"));
    }

    private static Object field(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (v == null) {
            throw new IllegalArgumentException("D3QN config: missing field '" + name + "'");
        }
        return v;
    }

    private static long longField(Map<String, Object> m, String name) {
        Object v = field(m, name);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw new IllegalArgumentException("D3QN config: field '" + name + "' must be an integer, got " + describe(v));
    }

    private static int intField(Map<String, Object> m, String name) {
        long v = longField(m, name);
        if (v != (int) v) {
            throw new IllegalArgumentException("D3QN config: field '" + name + "' = " + v + " is out of int range");
        }
        return (int) v;
    }

    private static double doubleField(Map<String, Object> m, String name) {
        Object v = field(m, name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("D3QN config: field '" + name + "' must be a number, got " + describe(v));
    }

    private static String describe(Object v) {
        return v + " (" + v.getClass().getSimpleName() + ")";
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw bad(name, v, ">= 1");
        }
    }

    private static void probability(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw bad(name, v, "in [0, 1]");
        }
    }

    private static IllegalArgumentException bad(String name, Object v, String expected) {
        return new IllegalArgumentException("D3QN config: " + name + " = " + v + " must be " + expected);
    }
}
