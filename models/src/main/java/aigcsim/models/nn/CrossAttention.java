package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Text conditioning of the UNet by cross-attention (Stable Diffusion's spatial transformer, one layer): the H·W
 * feature positions attend to the L token embeddings of the prompt. Inputs: x (B, C, H, W), context (B, L, D);
 * output x + proj(softmax(QKᵀ/√d)V), multi-head.
 */
public final class CrossAttention extends TracedBlock {
    private final int heads;
    private final Block norm;
    private final Block query;
    private final Block key;
    private final Block value;
    private final Block out;

    public CrossAttention(int channels, int heads, int groups) {
        this.heads = heads;
        norm = addChildBlock("norm", new GroupNorm(groups));
        query = addChildBlock("query", Layers.linear(channels));
        key = addChildBlock("key", Layers.linear(channels));
        value = addChildBlock("value", Layers.linear(channels));
        out = addChildBlock("out", Layers.linear(channels));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
            PairList<String, Object> params) {
        NDArray x = in.get(0);
        NDArray ctx = in.get(1);
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long n = s.get(2) * s.get(3);
        long l = ctx.getShape().get(1);
        long d = c / heads;
        NDArray tokens = call(norm, ps, x, training).reshape(b, c, n).transpose(0, 2, 1); // (B, N, C)
        NDArray q = call(query, ps, tokens, training).reshape(b, n, heads, d).transpose(0, 2, 1, 3);
        NDArray k = call(key, ps, ctx, training).reshape(b, l, heads, d).transpose(0, 2, 1, 3);
        NDArray v = call(value, ps, ctx, training).reshape(b, l, heads, d).transpose(0, 2, 1, 3);
        NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1 / Math.sqrt(d))).softmax(-1);
        NDArray mixed = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, n, c);
        NDArray projected = call(out, ps, mixed, training).transpose(0, 2, 1).reshape(s);
        return new NDList(x.add(projected));
    }
}
