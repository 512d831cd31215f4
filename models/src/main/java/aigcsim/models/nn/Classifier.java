package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The Fashion-MNIST classifier that judges semantic accuracy (is the prompted item recognized?) and whose
 * penultimate features give the Fréchet distance between generated and real images. Input (B, 1, 32, 32);
 * outputs (logits (B, 10), features (B, {@link #FEATURES})).
 */
public final class Classifier extends TracedBlock {
    public static final int FEATURES = 128;
    public static final int CLASSES = 10;
    private final Block features;
    private final Block head;

    public Classifier() {
        ai.djl.ndarray.types.Shape two = new ai.djl.ndarray.types.Shape(2, 2);
        features = addChildBlock("features", new SequentialBlock()
                .add(Layers.conv(32, 3, 1)).add(Activation::relu).add(Pool.maxPool2dBlock(two, two))
                .add(Layers.conv(64, 3, 1)).add(Activation::relu).add(Pool.maxPool2dBlock(two, two))
                .add(Layers.conv(64, 3, 1)).add(Activation::relu).add(Pool.maxPool2dBlock(two, two))
                .add(Blocks.batchFlattenBlock())
                .add(Layers.linear(FEATURES)).add(Activation::relu));
        head = addChildBlock("head", Layers.linear(CLASSES));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray f = call(features, ps, inputs.singletonOrThrow(), training);
        return new NDList(call(head, ps, f, training), f);
    }
}
