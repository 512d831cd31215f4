package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
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

    /** SiLU as a block. */
    static Block siluBlock() {
        return LambdaBlock.singleton(Layers::silu);
    }

    /**
     * Appends the path from an 8×8 feature map up to a 32×32 image in [−1, 1] (two upsamplings, then one channel
     * through tanh): the autoencoder's decoder ends so, and so does DeepJSCC's.
     */
    static SequentialBlock upToImage(SequentialBlock path, int width) {
        return path.add(new Upsample(width)).add(siluBlock())
                .add(new Upsample(width)).add(siluBlock())
                .add(conv(1, 3, 1)).add(Activation::tanh);
    }
}
