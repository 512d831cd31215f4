package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One side of DeepJSCC, the image-domain codec: the autoencoder's convolutional path between 1×32×32 images and
 * 8×8 maps around an SNR-adaptive {@link JsccCoder} at 8×8. Encoder: image → two stride-2 convolutions → JsccCoder
 * → symbol channels. Decoder: received symbols and reliabilities → JsccCoder → two upsamplings → image in [−1, 1].
 * Inputs (x, SNR feature (B, 1)), like {@link JsccCoder}.
 */
final class ImageJsccCoder extends TracedBlock {
    private final Block before;
    private final Block coder;
    private final Block after;

    private ImageJsccCoder(Block before, Block coder, Block after) {
        this.before = addChildBlock("before", before);
        this.coder = addChildBlock("coder", coder);
        this.after = addChildBlock("after", after);
    }

    static ImageJsccCoder encoder(int width, int channels) {
        return new ImageJsccCoder(new SequentialBlock()
                .add(Layers.conv(width, 3, 1)).add(Layers.siluBlock())
                .add(Layers.down(width)).add(Layers.siluBlock())
                .add(Layers.down(width)).add(Layers.siluBlock()),
                new JsccCoder(width, channels), LambdaBlock.singleton(x -> x));
    }

    static ImageJsccCoder decoder(int width) {
        return new ImageJsccCoder(LambdaBlock.singleton(x -> x), new JsccCoder(width, width),
                Layers.upToImage(new SequentialBlock().add(Layers.siluBlock()), width));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
            PairList<String, Object> params) {
        NDArray h = call(before, ps, in.get(0), training);
        h = call(coder, ps, new NDList(h, in.get(1)), training).singletonOrThrow();
        return new NDList(call(after, ps, h, training));
    }
}
