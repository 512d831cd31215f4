package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The text-conditioned noise predictor as trained and saved: the prompt encoder and the UNet together.
 * Inputs: x_t (B, 4, 8, 8), timestep features (B, 64), one-hot prompt tokens (B, L, V); output ε̂ (B, 4, 8, 8).
 */
public final class Denoiser extends TracedBlock {
    private final Block text;
    private final Block unet;

    public Denoiser(TextEncoder text, UNet unet) {
        this.text = addChildBlock("text", text);
        this.unet = addChildBlock("unet", unet);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ctx = call(text, ps, inputs.get(2), training);
        return call(unet, ps, new NDList(inputs.get(0), inputs.get(1), ctx), training);
    }
}
