package aigcsim.models.rl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import aigcsim.models.weights.WeightsManifest;

/**
 * ROOT's dueling double deep Q-network (D3QN) of SemAIGC Sec. IV-C, on DJL: an online and a target copy of the
 * dueling network ({@code Q = V + A − mean_a A}, eq. 25; two ReLU hidden layers), ε-greedy decisions with a linearly
 * decaying ε, uniform experience replay, the double-DQN target {@code y = r + d·Q_target(s', argmax_a Q_online(s', a))}
 * (eq. 26) and the mean squared TD error (eq. 27) minimized by Adam with a global-norm gradient clip; the target
 * network is a copy of the online one every {@link D3qnConfig#targetSyncEvery} learn steps. It knows nothing of the
 * simulator: a float[] state in, an int action out.
 *
 * <p>Deterministic: parameters are initialized from {@code SplittableRandom(seed)}, the ε draws and minibatch
 * sampling come from further seeded Java generators, and every computation runs on one PyTorch intra-op thread
 * whatever the calling thread's setting, so the same config and the same sequence of calls give bit-identical
 * Q-values on any thread (on one machine and engine build). All public methods are synchronized: one network may
 * serve parallel simulation threads. DJL's PyTorch engine allows one gradient collector per JVM at a time, so learn
 * steps of different instances take turns on a class-wide lock (other DJL training in the same JVM at the same time
 * would still clash).
 */
public final class D3qn implements AutoCloseable {
    /** The parameters file of a checkpoint. */
    public static final String PARAMS_FILE = "d3qn.params";
    /** The manifest of a checkpoint. */
    public static final String MANIFEST_FILE = "manifest.json";
    /** The manifest's format tag. */
    public static final String FORMAT = "aigcsim-d3qn/1";
    /** First int of a parameters file ("D3QN"), followed by the format version and the tensor count. */
    private static final int MAGIC = 0x4433514E;
    private static final int VERSION = 1;
    /** Held while a gradient collector is open: DJL's PyTorch engine allows one per JVM. */
    private static final Object GRADIENT_COLLECTOR = new Object();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final D3qnConfig config;
    private final NDManager manager;
    private final QNetwork online;
    private final QNetwork target;
    private final GlobalNormAdam adam;
    private final ReplayBuffer replay;
    private final SplittableRandom exploration;
    private final SplittableRandom sampling;
    private final Map<String, Object> extras;
    /** The SHA-256 of the params file this network was loaded from, verified at load (null for a fresh network). */
    private final String paramsSha256;
    private long decisions;
    private long learnSteps;
    private boolean closed;

    /** A fresh agent: online network initialized from the seed, target = a copy of it, empty replay buffer. */
    public D3qn(D3qnConfig config) {
        this(config, null, Map.of(), null, 0, 0);
    }

    /** {@code params} null: initial ones from the seed. */
    private D3qn(D3qnConfig config, float[] params, Map<String, Object> extras, String paramsSha256, long decisions,
            long learnSteps) {
        this.config = Objects.requireNonNull(config, "config");
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom init = root.split();
        exploration = root.split();
        sampling = root.split();
        float[] p = params != null ? params : QNetwork.initial(config, init);
        manager = NDManager.newBaseManager();
        online = new QNetwork(manager, config, p, true);
        target = new QNetwork(manager, config, p, false);
        adam = new GlobalNormAdam(manager, QNetwork.size(config));
        replay = new ReplayBuffer(config.replayCapacity(), config.stateSize());
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        this.paramsSha256 = paramsSha256;
        this.decisions = decisions;
        this.learnSteps = learnSteps;
    }

    /**
     * ε-greedy over Q_online with the current ε (one seeded draw per call, a second one for the random action when
     * exploring); counts one decision.
     */
    public synchronized int act(float[] state) {
        checkState(state);
        double eps = epsilon();
        decisions++;
        if (exploration.nextDouble() < eps) {
            return exploration.nextInt(config.actions());
        }
        float[] q = forward(online, state);
        return argmax(q, 0, q.length);
    }

    /** argmax_a Q_online(s, a), ties to the lowest index; no exploration, not counted as a decision. */
    public synchronized int greedy(float[] state) {
        checkState(state);
        float[] q = forward(online, state);
        return argmax(q, 0, q.length);
    }

    /** Q_online(s, ·), of length {@link D3qnConfig#actions}. The state must be finite, of length stateSize. */
    public synchronized float[] q(float[] state) {
        checkState(state);
        return forward(online, state);
    }

    /** Q_target(s, ·) (for tests of the target synchronization). */
    synchronized float[] qTarget(float[] state) {
        checkState(state);
        return forward(target, state);
    }

    /** The value and advantage heads of the online network for one state: {[V], A} (for tests of eq. 25). */
    synchronized float[][] heads(float[] state) {
        checkState(state);
        return oneThread(() -> {
            try (NDManager m = manager.newSubManager()) {
                NDArray[] va = online.heads(m.create(state, new Shape(1, state.length)), false);
                return new float[][] {va[0].toFloatArray(), va[1].toFloatArray()};
            }
        });
    }

    /** Native arrays this network holds, its sub-managers' included (for leak tests). */
    synchronized int liveArrays() {
        return manager.getManagedArrays().size();
    }

    private void checkState(float[] state) {
        open();
        ReplayBuffer.check("state", state, config.stateSize());
    }

    /** Q of one checked state; every temporary dies with the call's sub-manager. */
    private float[] forward(QNetwork net, float[] state) {
        return oneThread(() -> {
            try (NDManager m = manager.newSubManager()) {
                return net.q(m.create(state, new Shape(1, state.length)), false).toFloatArray();
            }
        });
    }

    /**
     * Runs {@code work} on one PyTorch intra-op thread, then restores the calling thread's setting (an OpenMP
     * setting of each thread). These networks are far too small to gain from intra-op parallelism: on 2 cores a
     * single-state forward (hidden 256) took ~45 µs with 2 threads on DJL's first thread and ~480 µs on any other thread (its
     * OpenMP team competing with the first thread's spinning one), ~35 µs with 1 thread on any thread. One thread
     * also makes the float reductions, and so the Q-values, independent of the caller's thread settings.
     */
    private static <T> T oneThread(Supplier<T> work) {
        int threads = JniUtils.getNumThreads();
        if (threads == 1) {
            return work.get();
        }
        JniUtils.setNumThreads(1);
        try {
            return work.get();
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }

    /** ε of the next decision: linear from epsilonStart to epsilonEnd over epsilonDecayDecisions, then constant. */
    public synchronized double epsilon() {
        return config.epsilon(decisions);
    }

    /** Decisions taken by {@link #act} (restored by {@link #load}). */
    public synchronized long decisions() {
        return decisions;
    }

    /** Gradient steps taken by {@link #learn} (restored by {@link #load}). */
    public synchronized long learnSteps() {
        return learnSteps;
    }

    /** Transitions the replay buffer holds. */
    public synchronized int replaySize() {
        return replay.size();
    }

    /**
     * Stores one transition in the replay buffer; {@code discount} is the factor of the bootstrap term (the caller
     * passes γ^Δt for a semi-MDP, see {@link D3qnConfig#discount}; 0 for a terminal transition). States must be
     * finite of length stateSize, the action in [0, actions), the reward finite, the discount in [0, 1].
     */
    public synchronized void remember(float[] state, int action, float reward, float[] next, float discount) {
        open();
        if (action < 0 || action >= config.actions()) {
            throw new IllegalArgumentException("action " + action + " is outside [0, " + config.actions() + ")");
        }
        replay.add(state, action, reward, next, discount);
    }

    /**
     * One minibatch gradient step once the buffer holds at least learningStarts transitions (else NaN and nothing
     * happens): double-DQN targets y = r + d·Q_target(s', argmax_a Q_online(s', a)) (eq. 26, computed outside the
     * gradient: no gradient flows through y), loss = mean over the batch of (Q_online(s, a) − y)² (eq. 27; or its
     * Huber form, {@link D3qnConfig#huberDelta}), Adam
     * step after a global-norm clip, target network synced every targetSyncEvery learn steps. Returns the batch's
     * loss before the step. A batch whose gradient is not finite is not applied (and still counts as a step).
     */
    public synchronized float learn() {
        open();
        if (replay.size() < config.learningStarts()) {
            return Float.NaN;
        }
        float loss = oneThread(this::step);
        learnSteps++;
        if (learnSteps % config.targetSyncEvery() == 0) {
            target.copyFrom(online);
        }
        return loss;
    }

    /** The minibatch step of {@link #learn}; returns the loss. */
    private float step() {
        ReplayBuffer.Batch b = replay.sample(config.batchSize(), sampling);
        int n = b.size();
        int actions = config.actions();
        float loss;
        try (NDManager m = manager.newSubManager()) {
            Shape shape = new Shape(n, config.stateSize());
            NDArray next = m.create(b.next(), shape);
            float[] qOnlineNext = online.q(next, false).toFloatArray();
            float[] qTargetNext = target.q(next, false).toFloatArray();
            float[] y = new float[n];
            float[] mask = new float[n * actions];
            for (int i = 0; i < n; i++) {
                int off = i * actions;
                y[i] = ddqnTarget(b.rewards()[i], b.discounts()[i], qOnlineNext, qTargetNext, off, actions);
                mask[off + b.actions()[i]] = 1;
            }
            NDArray states = m.create(b.states(), shape);
            NDArray targets = m.create(y);
            NDArray taken = m.create(mask, new Shape(n, actions));
            synchronized (GRADIENT_COLLECTOR) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray qTaken = online.q(states, true).mul(taken).sum(new int[] {1});
                    NDArray l = loss(qTaken.sub(targets)).mean();
                    loss = l.getFloat();
                    gc.backward(l);
                }
            }
            adam.step(m, online.theta(), online.values(), (float) config.learningRate(), config.gradClip());
        }
        return loss;
    }

    /**
     * The loss of each TD error e: e² (eq. 27), or with huberDelta δ > 0 the Huber loss — e²/2 within [−δ, δ], δ(|e| −
     * δ/2) outside — whose gradient is e clipped to [−δ, δ].
     */
    private NDArray loss(NDArray e) {
        double d = config.huberDelta();
        if (d == 0) {
            return e.square();
        }
        NDArray abs = e.abs();
        NDArray quadratic = abs.minimum(d);
        return quadratic.square().mul(0.5).add(abs.sub(quadratic).mul(d));
    }

    /**
     * Writes the online network's parameters ({@link #PARAMS_FILE}: big-endian ints and floats — magic, version,
     * tensor count, then per tensor its name, rank, dimensions and values; weights are (in, out)) and
     * {@link #MANIFEST_FILE}: format, model, the params file and its SHA-256, the config map, the decision and
     * learn-step counters, and the caller's extras (state definition, training scenario, episodes, final reward…;
     * anything Jackson writes as JSON). The replay buffer, Adam moments and target network are not saved.
     */
    public synchronized void save(Path dir, Map<String, Object> extras) throws IOException {
        open();
        JSON.writeValueAsBytes(Objects.requireNonNull(extras, "extras")); // fails before any file is written
        Files.createDirectories(dir);
        Path params = dir.resolve(PARAMS_FILE);
        Shape[] shapes = QNetwork.shapes(config);
        float[] values = online.toArray();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(params)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(shapes.length);
            int off = 0;
            for (int i = 0; i < shapes.length; i++) {
                out.writeUTF(QNetwork.NAMES[i]);
                out.writeInt(shapes[i].dimension());
                for (long d : shapes[i].getShape()) {
                    out.writeInt((int) d);
                }
                for (int j = 0; j < shapes[i].size(); j++) {
                    out.writeFloat(values[off++]);
                }
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("model", "dueling double DQN (SemAIGC Sec. IV-C): state -> " + config.hidden() + " ReLU -> "
                + config.hidden() + " ReLU -> V + A - mean(A) over " + config.actions() + " actions");
        manifest.put("params", PARAMS_FILE);
        manifest.put("sha256", WeightsManifest.sha256(params));
        manifest.put("config", config.toMap());
        manifest.put("decisions", decisions);
        manifest.put("learnSteps", learnSteps);
        manifest.put("extras", extras);
        JSON.writeValue(dir.resolve(MANIFEST_FILE).toFile(), manifest);
    }

    /**
     * Loads a checkpoint written by {@link #save} for inference and further training: verifies the params file's
     * SHA-256 against the manifest first, then reads the parameters into the online network (the target is a copy;
     * the replay buffer is empty, Adam starts afresh, the decision and learn-step counters — and so ε — resume, the
     * seeded generators restart from the seed). A missing directory or file, an unreadable or incomplete manifest, a
     * hash mismatch, or a params file whose tensors do not match the manifest's config is an
     * {@link IllegalArgumentException} naming the file and what is wrong.
     */
    public static D3qn load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("D3QN checkpoint directory not found: " + dir);
        }
        Path file = dir.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("D3QN manifest not found: " + file);
        }
        Map<String, Object> manifest;
        try {
            manifest = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("D3QN manifest " + file + " is unreadable: " + e.getMessage());
        }
        if (!FORMAT.equals(manifest.get("format"))) {
            throw new IllegalArgumentException("D3QN manifest " + file + ": format is " + manifest.get("format")
                    + ", expected " + FORMAT);
        }
        String name = manifestField(manifest, file, "params", String.class);
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("D3QN manifest " + file + ": params '" + name
                    + "' is not a file name in the checkpoint directory");
        }
        Path params = dir.resolve(name);
        String expected = manifestField(manifest, file, "sha256", String.class);
        String actual;
        try {
            actual = WeightsManifest.sha256(params);
        } catch (IOException e) {
            throw new IllegalArgumentException("D3QN params file " + params + (Files.exists(params)
                    ? " is unreadable: " + e.getMessage() : " is missing (named in " + file + ")"));
        }
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("D3QN params file corrupt: " + params + " has SHA-256 " + actual
                    + ", manifest " + file + " expects " + expected);
        }
        D3qnConfig config;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = manifestField(manifest, file, "config", Map.class);
            config = D3qnConfig.fromMap(c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("D3QN manifest " + file + ": " + e.getMessage());
        }
        long decisions = counter(manifest, file, "decisions");
        long learnSteps = counter(manifest, file, "learnSteps");
        @SuppressWarnings("unchecked")
        Map<String, Object> extras = manifestField(manifest, file, "extras", Map.class);
        return new D3qn(config, readParams(params, config), extras, actual, decisions, learnSteps);
    }

    private static <T> T manifestField(Map<String, Object> manifest, Path file, String key, Class<T> type) {
        Object v = manifest.get(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("D3QN manifest " + file + ": field '" + key + "' is "
                    + (v == null ? "missing" : "not a " + type.getSimpleName() + ": " + v));
        }
        return type.cast(v);
    }

    private static long counter(Map<String, Object> manifest, Path file, String key) {
        Number v = manifestField(manifest, file, key, Number.class);
        if (!(v instanceof Integer || v instanceof Long) || v.longValue() < 0) {
            throw new IllegalArgumentException("D3QN manifest " + file + ": field '" + key
                    + "' must be an integer >= 0, got " + v);
        }
        return v.longValue();
    }

    /** θ from the tensors of a params file, checked against the names and shapes a config implies. */
    private static float[] readParams(Path params, D3qnConfig config) {
        Shape[] shapes = QNetwork.shapes(config);
        float[] values = new float[QNetwork.size(config)];
        int off = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("D3QN params file " + params + " is not a D3QN params file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("D3QN params file " + params + " has version " + version
                        + ", expected " + VERSION);
            }
            int count = in.readInt();
            if (count != shapes.length) {
                throw new IllegalArgumentException("D3QN params file " + params + " holds " + count
                        + " tensors, expected " + shapes.length);
            }
            for (int i = 0; i < shapes.length; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (!name.equals(QNetwork.NAMES[i]) || rank < 0 || rank > 2) {
                    throw new IllegalArgumentException("D3QN params file " + params + ": tensor " + i + " is '"
                            + name + "' of rank " + rank + ", expected '" + QNetwork.NAMES[i] + "' of shape "
                            + shapes[i]);
                }
                long[] dims = new long[rank];
                for (int d = 0; d < rank; d++) {
                    dims[d] = in.readInt();
                }
                Shape shape = new Shape(dims);
                if (!shape.equals(shapes[i])) {
                    throw new IllegalArgumentException("D3QN params file " + params + ": " + name + " has shape "
                            + shape + " but the manifest's config (stateSize " + config.stateSize() + ", hidden "
                            + config.hidden() + ", actions " + config.actions() + ") needs " + shapes[i]);
                }
                for (int j = 0; j < shape.size(); j++) {
                    values[off++] = in.readFloat();
                }
            }
            if (in.read() >= 0) {
                throw new IllegalArgumentException("D3QN params file " + params + " has bytes after its tensors");
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException("D3QN params file " + params + " is truncated");
        } catch (IOException e) {
            throw new IllegalArgumentException("D3QN params file " + params + " is unreadable: " + e.getMessage());
        }
        return values;
    }

    /** The extras of the manifest this network was loaded from (empty for a fresh network); read-only. */
    public synchronized Map<String, Object> manifestExtras() {
        return extras;
    }

    /** The SHA-256 of the params file this network was loaded from, as verified at load; null for a fresh network. */
    public String paramsSha256() {
        return paramsSha256;
    }

    public D3qnConfig config() {
        return config;
    }

    /** Eq. 25: Q = V + (A − mean_a A) for a batch: v [n], adv [n][actions] → q [n][actions]. */
    public static float[][] dueling(float[] v, float[][] adv) {
        if (v.length != adv.length) {
            throw new IllegalArgumentException(v.length + " values for " + adv.length + " advantage rows");
        }
        float[][] q = new float[v.length][];
        for (int i = 0; i < v.length; i++) {
            float sum = 0;
            for (float a : adv[i]) {
                sum += a;
            }
            float mean = sum / adv[i].length;
            q[i] = new float[adv[i].length];
            for (int j = 0; j < q[i].length; j++) {
                q[i][j] = v[i] + (adv[i][j] - mean);
            }
        }
        return q;
    }

    /**
     * Eq. 26, the double-DQN target: r + discount·qTargetNext[argmax_a qOnlineNext] (ties to the lowest index;
     * discount 0 gives r whatever the Q-values).
     */
    public static float doubleDqnTarget(float reward, float discount, float[] qOnlineNext, float[] qTargetNext) {
        if (qOnlineNext.length != qTargetNext.length || qOnlineNext.length == 0) {
            throw new IllegalArgumentException("Q-value vectors of lengths " + qOnlineNext.length + " and "
                    + qTargetNext.length);
        }
        return ddqnTarget(reward, discount, qOnlineNext, qTargetNext, 0, qOnlineNext.length);
    }

    /** Eq. 26 on the rows [off, off + n) of flat batches of next-state Q-values. */
    private static float ddqnTarget(float reward, float discount, float[] qOnlineNext, float[] qTargetNext, int off,
            int n) {
        return discount == 0 ? reward : reward + discount * qTargetNext[off + argmax(qOnlineNext, off, n)];
    }

    /** Index (from 0) of the largest of q[from .. from + n), ties to the lowest; NaN never wins unless all are. */
    private static int argmax(float[] q, int from, int n) {
        int best = -1;
        for (int j = 0; j < n; j++) {
            float x = q[from + j];
            if (!Float.isNaN(x) && (best < 0 || x > q[from + best])) {
                best = j;
            }
        }
        return Math.max(best, 0);
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("this D3QN is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
