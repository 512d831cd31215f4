package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * The low-rank term of LoRA ("LoRA: Low-Rank Adaptation of Large Language Models") on one k×k convolution of
 * {@code filters} outputs: ΔW = B·A of rank r, with A a k×k convolution to r channels and B a 1×1 convolution back,
 * B initialized to 0 so that an untrained term adds nothing. Inputs: x, and optionally the weights (B, r) of the r
 * rank-1 components B_i·A_i (CALA's gating); output ΔW∗x, or Σ_i g_i·B_i·A_i∗x.
 */
public final class LowRank extends TracedBlock {
    private final int rank;
    private final Block a;
    private final Block b;

    public LowRank(int rank, int kernel, int filters) {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be >= 1, got " + rank);
        }
        this.rank = rank;
        a = addChildBlock("a", Conv2d.builder().setFilters(rank).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2)).optBias(false).build());
        Conv2d up = Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1)).optBias(false).build();
        up.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        b = addChildBlock("b", up);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
            PairList<String, Object> params) {
        NDArray h = call(a, ps, in.get(0), training);
        if (in.size() > 1) {
            h = h.mul(in.get(1).reshape(h.getShape().get(0), rank, 1, 1));
        }
        return new NDList(call(b, ps, h, training));
    }
}
