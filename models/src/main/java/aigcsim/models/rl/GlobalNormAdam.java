package aigcsim.models.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Adam (Kingma &amp; Ba 2015) for the D3QN's online network, on the flat parameter vector θ, after clipping the
 * gradient to a global L2 norm: g ← g·min(1, clip/‖g‖), m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
 * θ ← θ − lr·m̂/(√v̂ + ε). The training module's Adam clips element-wise and updates the gradient-requiring arrays
 * themselves, which PyTorch refuses off DJL's first thread; this one updates the detached view (see
 * {@link QNetwork}).
 */
final class GlobalNormAdam {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final NDArray m;
    private final NDArray v;
    private int t;

    /** Zero moments, in {@code manager}, for a parameter vector of this length. */
    GlobalNormAdam(NDManager manager, int size) {
        m = manager.zeros(new Shape(size));
        v = manager.zeros(new Shape(size));
    }

    /**
     * One update of {@code values} from the gradient accumulated on {@code theta} (same storage), which is then
     * cleared (PyTorch accumulates gradients). A non-finite gradient norm skips the update (one bad batch must not
     * poison the network) and returns false. Temporaries live in {@code scope}.
     */
    boolean step(NDManager scope, NDArray theta, NDArray values, float learningRate, double clip) {
        NDArray g = theta.getGradient();
        g.attach(scope);
        double norm = g.norm().getFloat();
        boolean finite = Double.isFinite(norm);
        if (finite) {
            t++;
            float c1 = 1 - (float) Math.pow(BETA1, t);
            float c2 = 1 - (float) Math.pow(BETA2, t);
            NDArray clipped = g.mul(norm > clip ? (float) (clip / norm) : 1f);
            m.muli(BETA1).addi(clipped.mul(1 - BETA1));
            v.muli(BETA2).addi(clipped.square().muli(1 - BETA2));
            NDArray update = m.div(c1);
            update.attach(scope);
            NDArray denominator = v.div(c2);
            denominator.attach(scope);
            denominator.powi(0.5f).addi(EPS);
            values.subi(update.divi(denominator).muli(learningRate));
        }
        g.set(new NDIndex("..."), 0);
        return finite;
    }
}
