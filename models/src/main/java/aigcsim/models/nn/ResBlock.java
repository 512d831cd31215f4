package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The UNet's residual block with timestep conditioning (DDPM / Stable Diffusion style):
 * h = conv(SiLU(GN(x))) + W·t_emb; h = conv(SiLU(GN(h))); out = h + skip(x). Inputs: x (B, C, H, W), t_emb (B, E).
 */
public final class ResBlock extends TracedBlock {
    private final Block norm1;
    private final Block conv1;
    private final Block time;
    private final Block norm2;
    private final Block conv2;
    private final Block skip;

    public ResBlock(int inChannels, int outChannels, int groups) {
        norm1 = addChildBlock("norm1", new GroupNorm(groups));
        conv1 = addChildBlock("conv1", Layers.conv(outChannels, 3, 1));
        time = addChildBlock("time", Layers.linear(outChannels));
        norm2 = addChildBlock("norm2", new GroupNorm(groups));
        conv2 = addChildBlock("conv2", Layers.conv(outChannels, 3, 1));
        skip = inChannels == outChannels ? null : addChildBlock("skip", Layers.conv(outChannels, 1, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
            PairList<String, Object> params) {
        NDArray x = in.get(0);
        NDArray temb = in.get(1);
        NDArray h = call(conv1, ps, Layers.silu(call(norm1, ps, x, training)), training);
        NDArray t = call(time, ps, Layers.silu(temb), training);
        h = h.add(t.reshape(t.getShape().get(0), t.getShape().get(1), 1, 1));
        h = call(conv2, ps, Layers.silu(call(norm2, ps, h, training)), training);
        return new NDList(h.add(skip == null ? x : call(skip, ps, x, training)));
    }
}
