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
        encoder = addChildBlock("encoder", new JsccCoder(width, 4));
        decoder = addChildBlock("decoder", new JsccCoder(width, 4));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
            PairList<String, Object> params) {
        NDArray s = call(encoder, ps, new NDList(in.get(0), in.get(1)), training).singletonOrThrow();
        NDArray y = unitPower(s, s.onesLike()).add(in.get(3).mul(in.get(2)));
        return call(decoder, ps, new NDList(y, in.get(1)), training);
    }

    /**
     * {@code s} scaled per sample to unit mean power per real value over the values {@code mask} keeps (1 kept, 0
     * not sent).
     */
    static NDArray unitPower(NDArray s, NDArray mask) {
        long b = s.getShape().get(0);
        NDArray kept = mask.reshape(b, -1).sum(new int[] {1}, true);
        NDArray power = s.mul(mask).square().reshape(b, -1).sum(new int[] {1}, true).div(kept).add(1e-8f);
        return s.div(power.sqrt().reshape(b, 1, 1, 1));
    }

    public NDArray encode(ParameterStore ps, NDArray x, NDArray snrFeature) {
        return call(encoder, ps, new NDList(x, snrFeature), false).singletonOrThrow();
    }

    public NDArray decode(ParameterStore ps, NDArray y, NDArray snrFeature) {
        return call(decoder, ps, new NDList(y, snrFeature), false).singletonOrThrow();
    }
}
