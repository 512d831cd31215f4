package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The noise predictor ε_θ(x_t, t, c) of seed 001, eq. 18, sized for 4×8×8 latents: a two-level UNet with residual
 * blocks conditioned on the timestep embedding and cross-attention to the prompt's token embeddings.
 * Inputs: x_t (B, 4, 8, 8), sinusoidal timestep features (B, {@link #TIME_FEATURES}), context (B, L, D).
 */
public final class UNet extends TracedBlock {
    /** Width of the sinusoidal timestep features. */
    public static final int TIME_FEATURES = 64;
    private static final int GROUPS = 8;
    private static final int HEADS = 4;

    private final Block time1;
    private final Block time2;
    private final Block in;
    private final Block res1;
    private final Block att1;
    private final Block down;
    private final Block res2;
    private final Block att2;
    private final Block mid;
    private final Block up;
    private final Block res3;
    private final Block att3;
    private final Block outNorm;
    private final Block out;

    /** @param c1 channels at 8×8, @param c2 channels at 4×4, @param latentChannels channels of the latent */
    public UNet(int c1, int c2, int latentChannels) {
        time1 = addChildBlock("time1", Layers.linear(2 * c1));
        time2 = addChildBlock("time2", Layers.linear(2 * c1));
        in = addChildBlock("in", Layers.conv(c1, 3, 1));
        res1 = addChildBlock("res1", new ResBlock(c1, c1, GROUPS));
        att1 = addChildBlock("att1", new CrossAttention(c1, HEADS, GROUPS));
        down = addChildBlock("down", Layers.down(c2));
        res2 = addChildBlock("res2", new ResBlock(c2, c2, GROUPS));
        att2 = addChildBlock("att2", new CrossAttention(c2, HEADS, GROUPS));
        mid = addChildBlock("mid", new ResBlock(c2, c2, GROUPS));
        up = addChildBlock("up", new Upsample(c1));
        res3 = addChildBlock("res3", new ResBlock(2 * c1, c1, GROUPS));
        att3 = addChildBlock("att3", new CrossAttention(c1, HEADS, GROUPS));
        outNorm = addChildBlock("outNorm", new GroupNorm(GROUPS));
        out = addChildBlock("out", Layers.conv(latentChannels, 3, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray tf = inputs.get(1);
        NDArray ctx = inputs.get(2);
        NDArray temb = call(time2, ps, Layers.silu(call(time1, ps, tf, training)), training);
        NDArray h = call(in, ps, x, training);
        h = call(res1, ps, new NDList(h, temb), training).singletonOrThrow();
        NDArray skip = call(att1, ps, new NDList(h, ctx), training).singletonOrThrow();
        h = call(down, ps, skip, training);
        h = call(res2, ps, new NDList(h, temb), training).singletonOrThrow();
        h = call(att2, ps, new NDList(h, ctx), training).singletonOrThrow();
        h = call(mid, ps, new NDList(h, temb), training).singletonOrThrow();
        h = call(up, ps, h, training);
        h = call(res3, ps, new NDList(h.concat(skip, 1), temb), training).singletonOrThrow();
        h = call(att3, ps, new NDList(h, ctx), training).singletonOrThrow();
        return new NDList(call(out, ps, Layers.silu(call(outNorm, ps, h, training)), training));
    }

    /** Sinusoidal features of integer timesteps (Transformer / DDPM embedding), (B, TIME_FEATURES). */
    public static NDArray timeFeatures(NDManager m, int[] timesteps) {
        int half = TIME_FEATURES / 2;
        float[] f = new float[timesteps.length * TIME_FEATURES];
        for (int b = 0; b < timesteps.length; b++) {
            for (int i = 0; i < half; i++) {
                double freq = Math.exp(-Math.log(10000) * i / half);
                f[b * TIME_FEATURES + i] = (float) Math.sin(timesteps[b] * freq);
                f[b * TIME_FEATURES + half + i] = (float) Math.cos(timesteps[b] * freq);
            }
        }
        return m.create(f, new ai.djl.ndarray.types.Shape(timesteps.length, TIME_FEATURES));
    }
}
