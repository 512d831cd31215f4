package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;

/**
 * What a knowledge-alignment package adds to the convolutions of a coder ({@link JsccCoder}): given the layer and its
 * input, a term of the layer's output shape added to the convolution's own output, or null for none.
 */
@FunctionalInterface
public interface ConvAdapter {
    /** Adds nothing: the coder as trained. */
    ConvAdapter NONE = (layer, input) -> null;

    /** The term added to convolution {@code layer}'s output on {@code input}, or null. */
    NDArray delta(int layer, NDArray input);
}
