package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The prompt encoder (the stand-in for CLIP's text transformer): token embeddings plus learned positions, then one
 * pre-norm transformer layer (multi-head self-attention and a GELU MLP, each residual, token-wise layer norm — no
 * batch statistics, so a prompt's embedding never depends on its batch); outputs (B, L, D) token embeddings that
 * condition the UNet by cross-attention. Input: one-hot tokens (B, L, V).
 */
public final class TextEncoder extends TracedBlock {
    private final int dim;
    private final Block embed;
    private final int length;
    private final Block positions;
    private final Block norm1;
    private final Block query;
    private final Block key;
    private final Block value;
    private final Block out;
    private final Block norm2;
    private final Block mlpIn;
    private final Block mlpOut;
    private static final int HEADS = 4;

    public TextEncoder(int dim, int length) {
        this.dim = dim;
        embed = addChildBlock("embed", Linear.builder().setUnits(dim).optBias(false).build());
        this.length = length;
        // learned positions as a bias-free linear map of one-hot positions (a raw Parameter here turned NaN under
        // DJL's Adam after ~190 steps; the linear layer trains cleanly)
        positions = addChildBlock("positions", Linear.builder().setUnits(dim).optBias(false).build());
        norm1 = addChildBlock("norm1", new TokenNorm());
        query = addChildBlock("query", Layers.linear(dim));
        key = addChildBlock("key", Layers.linear(dim));
        value = addChildBlock("value", Layers.linear(dim));
        out = addChildBlock("out", Layers.linear(dim));
        norm2 = addChildBlock("norm2", new TokenNorm());
        mlpIn = addChildBlock("mlpIn", Layers.linear(2 * dim));
        mlpOut = addChildBlock("mlpOut", Layers.linear(dim));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray oneHot = inputs.singletonOrThrow();
        NDArray eye = oneHot.getManager().eye(length);
        NDArray x = call(embed, ps, oneHot, training).add(call(positions, ps, eye, training).expandDims(0));
        long b = x.getShape().get(0);
        long l = x.getShape().get(1);
        long d = dim / HEADS;
        NDArray h = call(norm1, ps, x, training);
        NDArray q = call(query, ps, h, training).reshape(b, l, HEADS, d).transpose(0, 2, 1, 3);
        NDArray k = call(key, ps, h, training).reshape(b, l, HEADS, d).transpose(0, 2, 1, 3);
        NDArray v = call(value, ps, h, training).reshape(b, l, HEADS, d).transpose(0, 2, 1, 3);
        NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1 / Math.sqrt(d))).softmax(-1);
        x = x.add(call(out, ps, att.matMul(v).transpose(0, 2, 1, 3).reshape(b, l, dim), training));
        NDArray m = Activation.gelu(call(mlpIn, ps, call(norm2, ps, x, training), training));
        return new NDList(x.add(call(mlpOut, ps, m, training)));
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
