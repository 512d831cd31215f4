package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The JSCC codec as trained end to end through a differentiable channel: encode, normalize each sample's symbols
 * to unit power, add the channel noise (AWGN; Rayleigh after zero forcing is AWGN at the faded SNR), decode.
 * Inputs: x (B, 4, 8, 8), SNR feature (B, 1), noise standard deviation (B, 1, 1, 1), unit noise (B, 4, 8, 8);
 * output x̂. At inference {@link #encode} and {@link #decode} run the two sides apart.
 */
public final class Jscc extends TracedBlock {
    private final JsccCoder encoder;
    private final JsccCoder decoder;

    public Jscc(int width) {
        encoder = addChildBlock("encoder", new JsccCoder(width));
        decoder = addChildBlock("decoder", new JsccCoder(width));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
            PairList<String, Object> params) {
        NDArray s = call(encoder, ps, new NDList(in.get(0), in.get(1)), training).singletonOrThrow();
        long b = s.getShape().get(0);
        NDArray power = s.square().reshape(b, -1).mean(new int[] {1}, true).reshape(b, 1, 1, 1).add(1e-8f);
        NDArray y = s.div(power.sqrt()).add(in.get(3).mul(in.get(2)));
        return call(decoder, ps, new NDList(y, in.get(1)), training);
    }

    public NDArray encode(ParameterStore ps, NDArray x, NDArray snrFeature) {
        return call(encoder, ps, new NDList(x, snrFeature), false).singletonOrThrow();
    }

    public NDArray decode(ParameterStore ps, NDArray y, NDArray snrFeature) {
        return call(decoder, ps, new NDList(y, snrFeature), false).singletonOrThrow();
    }
}
