package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The prompt encoder (the stand-in for CLIP's text transformer): token embeddings plus learned positions, then one
 * transformer encoder layer; outputs (B, L, D) token embeddings that condition the UNet by cross-attention.
 * Input: one-hot tokens (B, L, V).
 */
public final class TextEncoder extends TracedBlock {
    private final int dim;
    private final Block embed;
    private final Parameter positions;
    private final Block layer;

    public TextEncoder(int dim, int length) {
        this.dim = dim;
        embed = addChildBlock("embed", Linear.builder().setUnits(dim).optBias(false).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(length, dim)).build());
        layer = addChildBlock("layer", new TransformerEncoderBlock(dim, 4, 2 * dim, 0f, Activation::gelu));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray oneHot = inputs.singletonOrThrow();
        NDArray x = call(embed, ps, oneHot, training)
                .add(ps.getValue(positions, oneHot.getDevice(), training).expandDims(0));
        return new NDList(call(layer, ps, x, training));
    }

    public int dim() {
        return dim;
    }

    /** One-hot (B, L, V) of token id sequences. */
    public static NDArray oneHot(NDManager m, int[][] tokens, int vocabulary) {
        int l = tokens[0].length;
        float[] f = new float[tokens.length * l * vocabulary];
        for (int b = 0; b < tokens.length; b++) {
            for (int i = 0; i < l; i++) {
                f[(b * l + i) * vocabulary + tokens[b][i]] = 1f;
            }
        }
        return m.create(f, new Shape(tokens.length, l, vocabulary));
    }
}
