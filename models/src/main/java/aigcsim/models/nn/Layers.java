package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/** Small factories for the layers the networks are built of. */
final class Layers {
    private Layers() {
    }

    /** k×k convolution with "same" padding and the given stride. */
    static Conv2d conv(int filters, int kernel, int stride) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2)).build();
    }

    /** 4×4 stride-2 convolution: halves H and W. */
    static Conv2d down(int filters) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2))
                .optPadding(new Shape(1, 1)).build();
    }

    static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    /** SiLU, x·σ(x). */
    static NDArray silu(NDArray x) {
        return Activation.swish(x, 1f);
    }
}
