package aigcsim.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** Shapes and determinism of every network block. */
class BlocksTest {
    private static NDList forward(Block b, NDManager m, NDArray... in) {
        return b.forward(new ParameterStore(m, false), new NDList(in), false);
    }

    @Test
    void shapesAndDeterminism() {
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager()) {
            Tokenizer tok = new Tokenizer(List.of("a photo of a sneaker", "an ankle boot"), 8);
            assertEquals(2 + 7, tok.vocabularySize(), "pad, unk and 7 distinct words");
            assertArrayEquals(new int[] {2, 3, 4, 2, 5, 0, 0, 0}, tok.encode("A photo of a sneaker"));
            assertEquals(Tokenizer.UNK, tok.encode("a hat")[1]);

            TextEncoder text = new TextEncoder(32, 8);
            text.initialize(m, DataType.FLOAT32, new Shape(2, 8, tok.vocabularySize()));
            NDArray oneHot = TextEncoder.oneHot(m, new int[][] {tok.encode("an ankle boot"), tok.encode("")},
                    tok.vocabularySize());
            NDArray ctx = forward(text, m, oneHot).singletonOrThrow();
            assertEquals(new Shape(2, 8, 32), ctx.getShape());

            UNet unet = new UNet(32, 48, 4);
            unet.initialize(m, DataType.FLOAT32, new Shape(2, 4, 8, 8), new Shape(2, UNet.TIME_FEATURES),
                    new Shape(2, 8, 32));
            NDArray x = m.randomNormal(new Shape(2, 4, 8, 8));
            NDArray tf = UNet.timeFeatures(m, new int[] {10, 900});
            NDArray eps = forward(unet, m, x, tf, ctx).singletonOrThrow();
            assertEquals(new Shape(2, 4, 8, 8), eps.getShape());
            assertArrayEquals(eps.toFloatArray(), forward(unet, m, x, tf, ctx).singletonOrThrow().toFloatArray());

            Autoencoder vae = new Autoencoder(16);
            vae.initialize(m, DataType.FLOAT32, new Shape(2, 1, 32, 32));
            NDArray img = m.randomUniform(-1, 1, new Shape(2, 1, 32, 32));
            NDList rec = forward(vae, m, img);
            assertEquals(new Shape(2, 1, 32, 32), rec.get(0).getShape());
            assertEquals(new Shape(2, 4, 8, 8), rec.get(1).getShape());
            ParameterStore ps = new ParameterStore(m, false);
            assertEquals(new Shape(2, 4, 8, 8), vae.encode(ps, img).getShape());
            assertEquals(new Shape(2, 1, 32, 32), vae.decode(ps, vae.encode(ps, img)).getShape());

            Classifier cls = new Classifier();
            cls.initialize(m, DataType.FLOAT32, new Shape(2, 1, 32, 32));
            NDList out = forward(cls, m, img);
            assertEquals(new Shape(2, 10), out.get(0).getShape());
            assertEquals(new Shape(2, Classifier.FEATURES), out.get(1).getShape());
            System.out.printf("parameters: text %d, unet %d, vae %d, classifier %d%n", count(text), count(unet),
                    count(vae), count(cls));
        }
    }

    private static long count(Block b) {
        return b.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }
}
