package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Doubles H and W: nearest-neighbour upsampling then a 3×3 convolution (Stable Diffusion's Upsample; DJL's PyTorch
 * engine has no transposed convolution).
 */
public final class Upsample extends TracedBlock {
    private final Block conv;

    public Upsample(int filters) {
        conv = addChildBlock("conv", Layers.conv(filters, 3, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(call(conv, ps, x.repeat(2, 2).repeat(3, 2), training));
    }
}
