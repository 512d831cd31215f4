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
    private final int width;
    private final Block in;
    private final Block film;
    private final Block mid;
    private final Block out;

    public JsccCoder(int width, int outChannels) {
        this.width = width;
        in = addChildBlock("in", Layers.conv(width, 3, 1));
        film = addChildBlock("film", Layers.linear(2 * width));
        mid = addChildBlock("mid", Layers.conv(width, 3, 1));
        out = addChildBlock("out", Layers.conv(outChannels, 3, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray snr = inputs.get(1);
        long b = x.getShape().get(0);
        NDArray h = Layers.silu(call(in, ps, x, training));
        NDArray gb = call(film, ps, snr, training).reshape(b, 2 * width, 1, 1);
        h = h.mul(gb.get(":, 0:" + width).add(1f)).add(gb.get(":, " + width + ":"));
        h = Layers.silu(call(mid, ps, h, training));
        return new NDList(call(out, ps, h, training));
    }

    /** The SNR feature the coders take: SNR in dB / 10. */
    public static float snrFeature(double snrDb) {
        return (float) (snrDb / 10);
    }
}
