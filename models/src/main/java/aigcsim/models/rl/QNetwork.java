package aigcsim.models.rl;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The dueling Q-network of SemAIGC Sec. IV-C as explicit parameter NDArrays: state → Linear(hidden) → ReLU →
 * Linear(hidden) → ReLU, then a value head Linear(hidden, 1) and an advantage head Linear(hidden, actions),
 * aggregated as Q = V + A − mean_a A (eq. 25). Weights are stored (in, out), so a layer is x·W + b.
 *
 * <p>All parameters live in one flat vector θ, in {@link #NAMES} order, so the optimizer, the target copy and the
 * gradient norm are a handful of operations rather than a handful per tensor. A trainable network holds θ twice
 * over one storage: an array that requires a gradient, sliced by the forward inside a gradient collector, and a
 * detached view of it (with per-tensor views) for everything else — inference, the optimizer's in-place updates,
 * copies. PyTorch refuses in-place updates of a leaf that requires a gradient on threads where grad mode is on (the
 * default on every thread but DJL's first), and the views keep inference off the autograd graph on any thread.
 */
final class QNetwork implements AutoCloseable {
    /** Parameter names, in θ and file order. */
    static final String[] NAMES = {"hidden1.weight", "hidden1.bias", "hidden2.weight", "hidden2.bias",
        "value.weight", "value.bias", "advantage.weight", "advantage.bias"};

    private final NDManager manager;
    private final Shape[] shapes;
    /** θ requiring a gradient (null for a target network, which is never differentiated). */
    private final NDArray theta;
    /** θ without gradient: a view of {@link #theta}'s storage, or the array itself for a target network. */
    private final NDArray values;
    /** Per-tensor views of {@link #values}, in {@link #NAMES} order. */
    private final NDArray[] layers;

    /** A network with parameters θ (laid out as {@link #shapes}), trainable or not. */
    QNetwork(NDManager parent, D3qnConfig config, float[] init, boolean withGradient) {
        manager = parent.newSubManager();
        shapes = shapes(config);
        NDArray a = manager.create(init);
        if (withGradient) {
            a.setRequiresGradient(true);
            theta = a;
            values = a.stopGradient();
        } else {
            theta = null;
            values = a;
        }
        layers = new NDArray[shapes.length];
        long off = 0;
        for (int i = 0; i < shapes.length; i++) {
            layers[i] = values.get(slice(off, shapes[i])).reshape(shapes[i]);
            off += shapes[i].size();
        }
    }

    /** The shape of each parameter of {@link #NAMES} for a config. */
    static Shape[] shapes(D3qnConfig c) {
        return new Shape[] {new Shape(c.stateSize(), c.hidden()), new Shape(c.hidden()),
            new Shape(c.hidden(), c.hidden()), new Shape(c.hidden()), new Shape(c.hidden(), 1), new Shape(1),
            new Shape(c.hidden(), c.actions()), new Shape(c.actions())};
    }

    /** Length of θ for a config. */
    static int size(D3qnConfig c) {
        long n = 0;
        for (Shape s : shapes(c)) {
            n += s.size();
        }
        return Math.toIntExact(n);
    }

    private static NDIndex slice(long off, Shape shape) {
        return new NDIndex(off + ":" + (off + shape.size()));
    }

    /**
     * Initial θ from a seeded Java generator (not the engine's): He-uniform U(±√(6/fan_in)) for the two ReLU layers,
     * Xavier-uniform U(±√(6/(fan_in + fan_out))) for the linear heads, biases 0.
     */
    static float[] initial(D3qnConfig c, SplittableRandom rng) {
        float[] p = new float[size(c)];
        int off = 0;
        int i = 0;
        for (Shape s : shapes(c)) {
            if (s.dimension() == 2) {
                long in = s.get(0);
                long out = s.get(1);
                double bound = i < 4 ? Math.sqrt(6.0 / in) : Math.sqrt(6.0 / (in + out));
                for (int j = 0; j < s.size(); j++) {
                    p[off + j] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
            off += (int) s.size();
            i++;
        }
        return p;
    }

    /**
     * The value (n, 1) and advantage (n, actions) heads of a batch x (n, stateSize), in x's manager; through the
     * array that requires a gradient when {@code forTraining}.
     */
    NDArray[] heads(NDArray x, boolean forTraining) {
        NDArray[] w = layers;
        if (forTraining) {
            w = new NDArray[shapes.length];
            long off = 0;
            for (int i = 0; i < shapes.length; i++) {
                NDArray part = theta.get(slice(off, shapes[i]));
                part.attach(x.getManager());
                w[i] = part.reshape(shapes[i]);
                off += shapes[i].size();
            }
        }
        NDArray h = Activation.relu(x.matMul(w[0]).add(w[1]));
        h = Activation.relu(h.matMul(w[2]).add(w[3]));
        return new NDArray[] {h.matMul(w[4]).add(w[5]), h.matMul(w[6]).add(w[7])};
    }

    /** Q (n, actions) of a batch x (n, stateSize), eq. 25: V + (A − mean_a A), in x's manager. */
    NDArray q(NDArray x, boolean forTraining) {
        NDArray[] va = heads(x, forTraining);
        return va[0].add(va[1].sub(va[1].mean(new int[] {1}, true)));
    }

    /** θ requiring a gradient (where the optimizer reads it). */
    NDArray theta() {
        return theta;
    }

    /** θ without gradient (updated in place by the optimizer). */
    NDArray values() {
        return values;
    }

    /** Copies θ of {@code source} into this network, in place (the per-tensor views must keep their storage). */
    void copyFrom(QNetwork source) {
        values.set(new NDIndex("..."), source.values);
    }

    /** θ as a Java array. */
    float[] toArray() {
        return values.toFloatArray();
    }

    @Override
    public void close() {
        manager.close();
    }
}
