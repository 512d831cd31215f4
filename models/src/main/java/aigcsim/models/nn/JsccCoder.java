package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One side of the JSCC codec (seed 003): a small convolutional network on 4×8×8 tensors, made SNR-adaptive by
 * feature-wise modulation (h ← h·(1 + γ(snr)) + β(snr)). Inputs: x (B, any channels, 8, 8), SNR feature (B, 1);
 * output (B, outChannels, 8, 8) — for SemAIGC's encoder 4 channels, 256 real values = 128 complex channel symbols.
 */
public final class JsccCoder extends TracedBlock {
    /** The convolutions, in order (in, mid, out), a {@link ConvAdapter} may add to. */
    public static final int CONVOLUTIONS = 3;
    /** Their kernel size. */
    public static final int KERNEL = 3;

    private final int width;
    private final int outChannels;
    private final Block in;
    private final Block film;
    private final Block mid;
    private final Block out;

    public JsccCoder(int width, int outChannels) {
        this.width = width;
        this.outChannels = outChannels;
        in = addChildBlock("in", Layers.conv(width, KERNEL, 1));
        film = addChildBlock("film", Layers.linear(2 * width));
        mid = addChildBlock("mid", Layers.conv(width, KERNEL, 1));
        out = addChildBlock("out", Layers.conv(outChannels, KERNEL, 1));
    }

    /** The output channels of convolution {@code layer} (0 in, 1 mid, 2 out). */
    public int filters(int layer) {
        return layer == CONVOLUTIONS - 1 ? outChannels : width;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(run(ps, inputs.get(0), inputs.get(1), training, ConvAdapter.NONE));
    }

    /** The coder on x and the SNR feature, with {@code adapter}'s terms added to its convolutions. */
    NDArray run(ParameterStore ps, NDArray x, NDArray snr, boolean training, ConvAdapter adapter) {
        long b = x.getShape().get(0);
        NDArray h = Layers.silu(conv(ps, 0, x, training, adapter));
        NDArray gb = call(film, ps, snr, training).reshape(b, 2 * width, 1, 1);
        h = h.mul(gb.get(":, 0:" + width).add(1f)).add(gb.get(":, " + width + ":"));
        h = Layers.silu(conv(ps, 1, h, training, adapter));
        return conv(ps, 2, h, training, adapter);
    }

    private NDArray conv(ParameterStore ps, int layer, NDArray x, boolean training, ConvAdapter adapter) {
        NDArray y = call(layer == 0 ? in : layer == 1 ? mid : out, ps, x, training);
        NDArray delta = adapter.delta(layer, x);
        return delta == null ? y : y.add(delta);
    }

    /** The SNR feature the coders take: SNR in dB / 10. */
    public static float snrFeature(double snrDb) {
        return (float) (snrDb / 10);
    }
}
