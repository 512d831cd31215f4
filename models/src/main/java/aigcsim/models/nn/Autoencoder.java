package aigcsim.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The variational autoencoder of seed 001, eq. 17 (the image semantic extraction module and the decoder):
 * 1×32×32 images in [−1, 1] ↔ 4×8×8 latents. The encoder outputs the mean and log-variance of q(z|x) (8 channels);
 * the decoder maps a latent back to an image. As a block, it reconstructs: input x, outputs (x̂, mean, logVar)
 * with z = mean + σ·ε drawn in training and z = mean otherwise.
 */
public final class Autoencoder extends TracedBlock {
    public static final int LATENT_CHANNELS = 4;
    private final Block encoder;
    private final Block decoder;

    public Autoencoder(int width) {
        encoder = addChildBlock("encoder", new SequentialBlock()
                .add(Layers.conv(width, 3, 1)).add(Layers.siluBlock())
                .add(Layers.down(width)).add(Layers.siluBlock())
                .add(Layers.down(2 * width)).add(Layers.siluBlock())
                .add(Layers.conv(2 * LATENT_CHANNELS, 3, 1)));
        decoder = addChildBlock("decoder", Layers.upToImage(new SequentialBlock()
                .add(Layers.conv(2 * width, 3, 1)).add(Layers.siluBlock()), width));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray moments = call(encoder, ps, x, training);
        NDArray mean = moments.get(":, 0:4");
        NDArray logVar = moments.get(":, 4:8").clip(-20, 10);
        NDArray z = training ? mean.add(logVar.mul(0.5f).exp().mul(mean.getManager().randomNormal(
                mean.getShape()))) : mean;
        return new NDList(call(decoder, ps, z, training), mean, logVar);
    }

    /** The latent mean of images (B, 1, 32, 32) → (B, 4, 8, 8). */
    public NDArray encode(ParameterStore ps, NDArray images) {
        return call(encoder, ps, images, false).get(":, 0:4");
    }

    /** Images (B, 1, 32, 32) of latents (B, 4, 8, 8). */
    public NDArray decode(ParameterStore ps, NDArray latents) {
        return call(decoder, ps, latents, false);
    }
}
