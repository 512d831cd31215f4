package aigcsim.models.training;

import java.util.HashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * Adam (Kingma & Ba 2015) with element-wise gradient clipping, written on NDArrays: m ← β₁m + (1 − β₁)g,
 * v ← β₂v + (1 − β₂)g², w ← w − lr·m̂/(√v̂ + ε). Used instead of DJL's native PyTorch Adam update, which turned the
 * text encoder's weights into NaN after a few hundred steps here while every gradient was finite.
 */
final class Adam {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final NDManager manager;
    private final float clip;
    private final Map<String, NDArray[]> state = new HashMap<>();
    private int t;

    Adam(NDManager manager, float clip) {
        this.manager = manager;
        this.clip = clip;
    }

    /** Zeroes every gradient of the block (also NaN and infinite ones, which multiplying by 0 would keep). */
    static void clearGradients(Block block) {
        for (Parameter p : block.getParameters().values()) {
            NDArray w = p.getArray();
            if (w.hasGradient()) {
                try (NDArray grad = w.getGradient()) {
                    clear(grad);
                }
            }
        }
    }

    /** PyTorch accumulates gradients: they are cleared in place before the next batch. */
    private static void clear(NDArray grad) {
        grad.set(new NDIndex("..."), 0);
    }

    /** One update, at this learning rate, of every parameter of the block that has a gradient, clearing them. */
    void step(Block block, float learningRate) {
        t++;
        float c1 = 1 - (float) Math.pow(BETA1, t);
        float c2 = 1 - (float) Math.pow(BETA2, t);
        for (Parameter p : block.getParameters().values()) {
            NDArray w = p.getArray();
            if (!w.hasGradient()) {
                continue;
            }
            try (NDManager scope = manager.newSubManager()) {
                // every temporary lives in the scope; the moments and the weight are updated in place
                NDArray grad = w.getGradient();
                grad.attach(scope);
                NDArray g = grad.clip(-clip, clip);
                clear(grad);
                NDArray[] mv = state.computeIfAbsent(p.getId(), id -> new NDArray[] {
                    manager.zeros(w.getShape()), manager.zeros(w.getShape())});
                mv[0].muli(BETA1).addi(g.mul(1 - BETA1));
                mv[1].muli(BETA2).addi(g.square().mul(1 - BETA2));
                NDArray mHat = mv[0].duplicate();
                mHat.attach(scope);
                NDArray vHat = mv[1].duplicate();
                vHat.attach(scope);
                vHat.divi(c2).powi(0.5).addi(EPS);
                w.subi(mHat.divi(c1).divi(vHat).muli(learningRate));
            }
        }
    }
}
