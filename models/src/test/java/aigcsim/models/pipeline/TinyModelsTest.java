package aigcsim.models.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.diffusion.NoiseSchedule;
import aigcsim.models.nn.Autoencoder;
import aigcsim.models.nn.Classifier;
import aigcsim.models.nn.Denoiser;
import aigcsim.models.nn.Jscc;
import aigcsim.models.nn.TextEncoder;
import aigcsim.models.nn.Tokenizer;
import aigcsim.models.nn.UNet;
import aigcsim.models.training.LinkTraining;
import aigcsim.models.training.ModelSizes;
import aigcsim.models.training.Training;
import aigcsim.models.weights.Weights;

/**
 * Tiny models on tiny synthetic data (no data set needed): training lowers the loss, weights round-trip and are
 * verified, a request's result does not depend on its batch, and the whole split pipeline runs end to end.
 */
class TinyModelsTest {
    private static final ModelSizes TINY = ModelSizes.TINY;
    private static float[][] images;
    private static int[] labels;

    /** Class k: a bright bar whose height grows with k, with a little noise. */
    @BeforeAll
    static void syntheticData() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 320;
        images = new float[n][32 * 32];
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % 10;
            labels[i] = k;
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean on = x >= 10 && x < 22 && y >= 28 - 2 * k && y < 30;
                    images[i][y * 32 + x] = (float) ((on ? 0.8 : -0.9) + 0.05 * r.nextGaussian());
                }
            }
        }
    }

    private static Training.Plan plan(int epochs) {
        return new Training.Plan(epochs, 32, 7, line -> { });
    }

    @Test
    void trainingLowersTheLoss() {
        double[] vae = new double[2];
        double[] cls = new double[2];
        int[] epochs = {1, 6};
        for (int i = 0; i < 2; i++) {
            try (Model m = Model.newInstance("autoencoder")) {
                m.setBlock(TINY.autoencoder());
                vae[i] = Training.autoencoder(m, images, plan(epochs[i]));
            }
            try (Model m = Model.newInstance("classifier")) {
                m.setBlock(TINY.classifier());
                cls[i] = Training.classifier(m, images, labels, plan(epochs[i]));
            }
        }
        assertTrue(vae[1] < 0.7 * vae[0], "autoencoder loss after 6 epochs " + vae[1] + " vs 1 epoch " + vae[0]);
        assertTrue(cls[1] < 0.7 * cls[0], "classifier loss after 6 epochs " + cls[1] + " vs 1 epoch " + cls[0]);

        float[][] latents = new float[images.length][256];
        String[] prompts = new String[images.length];
        for (int i = 0; i < images.length; i++) {
            for (int j = 0; j < 256; j++) {
                latents[i][j] = (float) Math.sin(j * (labels[i] + 1) / 40.0);
            }
            prompts[i] = FashionMnist.PROMPTS.get(labels[i]);
        }
        double[] den = new double[2];
        for (int i = 0; i < 2; i++) {
            try (Model m = Model.newInstance("denoiser")) {
                m.setBlock(TINY.denoiser());
                den[i] = Training.denoiser(m, latents, prompts, new Tokenizer(FashionMnist.PROMPTS, 8),
                        new NoiseSchedule(), plan(epochs[i]));
            }
        }
        assertTrue(den[1] < 0.9 * den[0], "denoiser ε-loss after 6 epochs " + den[1] + " vs 1 epoch " + den[0]);
        double[] rec = new double[2];
        for (int i = 0; i < 2; i++) {
            try (Model m = Model.newInstance("receiver")) {
                m.setBlock(TINY.denoiser());
                rec[i] = Training.receiver(m, latents, prompts, new Tokenizer(FashionMnist.PROMPTS, 8),
                        new NoiseSchedule(), 20, plan(epochs[i]));
            }
        }
        assertTrue(rec[1] < 0.9 * rec[0], "receiver ε-loss after 6 epochs " + rec[1] + " vs 1 epoch " + rec[0]);
        double[] codec = new double[2];
        for (int i = 0; i < 2; i++) {
            try (Model m = Model.newInstance("jscc")) {
                m.setBlock(TINY.jscc());
                codec[i] = Training.jscc(m, latents, new NoiseSchedule(), 20, plan(epochs[i]));
            }
        }
        assertTrue(codec[1] < 0.9 * codec[0], "JSCC latent MSE after 6 epochs " + codec[1] + " vs 1 epoch "
                + codec[0]);
        double[] link = new double[2];
        for (int i = 0; i < 2; i++) {
            try (Model m = Model.newInstance("link-jscc")) {
                m.setBlock(TINY.linkJscc());
                link[i] = LinkTraining.codec(m, latents, LinkTraining.TRAINING, plan(epochs[i]));
            }
        }
        assertTrue(link[1] < 0.9 * link[0], "link-level codec latent MSE after 6 epochs " + link[1] + " vs 1 epoch "
                + link[0]);
        double[] deep = new double[2];
        for (int i = 0; i < 2; i++) {
            try (Model m = Model.newInstance("deep-jscc")) {
                m.setBlock(TINY.deepJscc());
                deep[i] = LinkTraining.codec(m, images, LinkTraining.TRAINING, plan(epochs[i]));
            }
        }
        assertTrue(deep[1] < 0.9 * deep[0], "DeepJSCC image MSE after 6 epochs " + deep[1] + " vs 1 epoch " + deep[0]);
    }

    /** Saves a freshly initialized classifier (seeded) to {@code dir}; returns its logits on one image. */
    private static float[] saveClassifier(Path dir, int seed) throws Exception {
        Engine.getInstance().setRandomSeed(seed);
        try (Model m = Model.newInstance("classifier")) {
            Classifier c = TINY.classifier();
            m.setBlock(c);
            c.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 32, 32));
            Weights.save(m, dir, "classifier", TINY.describe(), "synthetic", 0, Map.of(), Map.of());
            return logits(c, m.getNDManager());
        }
    }

    private static float[] loadedLogits(Path dir) {
        try (Model m = Weights.load(dir, "classifier", TINY.classifier())) {
            return logits((Classifier) m.getBlock(), m.getNDManager());
        }
    }

    @Test
    void weightsRoundTripAndCorruptionIsNamed(@TempDir Path dir) throws Exception {
        assertArrayEquals(saveClassifier(dir, 5), loadedLogits(dir), "same outputs after load");
        // a retrain into the same directory replaces the file its manifest hashes (not <component>-0001.params)
        assertArrayEquals(saveClassifier(dir, 6), loadedLogits(dir), "the retrained weights");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".params")).count(), "one weight file");
        }
        Path params = dir.resolve(Weights.paramsFile("classifier"));
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 1;
        Files.write(params, bytes);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Weights.load(dir, "classifier", TINY.classifier()));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains(params.toString()), e.getMessage());
    }

    private static float[] logits(Classifier c, NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray x = m.create(images[3], new Shape(1, 1, 32, 32));
            return c.forward(new ParameterStore(m, false), new NDList(x), false).get(0).toFloatArray();
        }
    }

    @Test
    void aRequestsNoisePredictionDoesNotDependOnItsBatch() {
        Engine.getInstance().setRandomSeed(9);
        Tokenizer tok = new Tokenizer(FashionMnist.PROMPTS, 8);
        try (NDManager m = NDManager.newBaseManager()) {
            Denoiser d = TINY.denoiser();
            d.initialize(m, DataType.FLOAT32, new Shape(1, 4, 8, 8), new Shape(1, UNet.TIME_FEATURES),
                    new Shape(1, 8, tok.vocabularySize()));
            ParameterStore ps = new ParameterStore(m, false);
            int[] ts = {999, 500, 17};
            String[] ps3 = {"a photo of a sneaker", "", "a photo of a bag"};
            NDArray x = m.randomNormal(new Shape(3, 4, 8, 8));
            int[][] tokens = new int[3][];
            for (int i = 0; i < 3; i++) {
                tokens[i] = tok.encode(ps3[i]);
            }
            NDArray batched = d.forward(ps, new NDList(x, UNet.timeFeatures(m, ts),
                    TextEncoder.oneHot(m, tokens, tok.vocabularySize())), false).singletonOrThrow();
            for (int i = 0; i < 3; i++) {
                NDArray alone = d.forward(ps, new NDList(x.get(i + ":" + (i + 1)),
                        UNet.timeFeatures(m, new int[] {ts[i]}),
                        TextEncoder.oneHot(m, new int[][] {tokens[i]}, tok.vocabularySize())), false)
                        .singletonOrThrow();
                float max = batched.get(i + ":" + (i + 1)).sub(alone).abs().max().getFloat();
                assertTrue(max < 1e-5f, "request " + i + " differs by " + max + " between batch of 3 and alone");
            }
        }
    }

    @Test
    void theSplitPipelineRunsEndToEndOnTinyModels() {
        try (TextToImage t2i = TextToImage.initialized(TINY, 11)) {
            for (TensorChannel.Kind kind : TensorChannel.Kind.values()) {
                for (int edge : new int[] {0, 10, 20}) {
                    for (boolean fine : new boolean[] {true, false}) {
                        var req = new TextToImage.Request("a photo of a coat", 42, edge, 20, fine,
                                edge == 10 ? TextToImage.Transmission.JSCC : TextToImage.Transmission.ANALOG, kind,
                                3.0);
                        TextToImage.Output out = t2i.run(req);
                        assertEquals(32 * 32, out.image().length);
                        // the reported PSNR is that of the delivered image against the reference, by hand: pixels
                        // in [-1, 1], a peak-to-peak range of 2
                        double mse = 0;
                        for (int i = 0; i < out.image().length; i++) {
                            double d = out.image()[i] - out.reference()[i];
                            mse += d * d / out.image().length;
                        }
                        assertEquals(10 * Math.log10(4 / mse), out.psnrDb(), 1e-6, "PSNR of " + req);
                        assertTrue(out.ssim() > -1 && out.ssim() <= 1, "SSIM in (-1, 1]: " + out.ssim());
                        assertArrayEquals(out.image(), t2i.run(req).image(), "deterministic for a request");
                    }
                }
            }
            // continuous batching: three requests at different steps, batched vs one by one
            float[][] lat = new float[3][];
            for (int i = 0; i < 3; i++) {
                lat[i] = t2i.trajectory(FashionMnist.PROMPTS.get(i), 100 + i, 20).latents()[i];
            }
            int[] from = {999, 949, 899};
            int[] to = {949, 899, 849};
            String[] prompts = {FashionMnist.PROMPTS.get(0), FashionMnist.PROMPTS.get(1), FashionMnist.PROMPTS.get(2)};
            float[][] batched = t2i.step(lat, from, to, prompts);
            for (int i = 0; i < 3; i++) {
                float[] alone = t2i.step(new float[][] {lat[i]}, new int[] {from[i]}, new int[] {to[i]},
                        new String[] {prompts[i]})[0];
                assertArrayEquals(alone, batched[i], 1e-5f, "request " + i + " batched vs alone");
            }
            var clean = t2i.run(new TextToImage.Request("a photo of a coat", 42, 20, 20, false,
                    TextToImage.Transmission.ANALOG, TensorChannel.Kind.AWGN, 60.0));
            assertTrue(clean.psnrDb() > 40, "a = T̂ over a 60 dB channel reproduces the reference: "
                    + clean.psnrDb() + " dB");
        }
    }

    @Test
    void aTrainedReceiverRunsOnlyTheDevicesSteps() {
        try (TextToImage t2i = TextToImage.initialized(TINY, 13); Model other = Model.newInstance("receiver")) {
            Engine.getInstance().setRandomSeed(14);
            var block = TINY.denoiser();
            other.setBlock(block);
            block.initialize(other.getNDManager(), DataType.FLOAT32, new Shape(1, 4, 8, 8),
                    new Shape(1, UNet.TIME_FEATURES), new Shape(1, 8,
                    new Tokenizer(FashionMnist.PROMPTS, 8).vocabularySize()));
            TextToImage view = t2i.withReceiver(other);
            for (TextToImage.Transmission tr : new TextToImage.Transmission[] {TextToImage.Transmission.ANALOG,
                TextToImage.Transmission.JSCC}) {
                var device = new TextToImage.Request("a bag", 5, 10, 20, true, tr, TensorChannel.Kind.AWGN, 3.0);
                var plain = new TextToImage.Request("a bag", 5, 10, 20, false, tr, TensorChannel.Kind.AWGN, 3.0);
                var edgeOnly = new TextToImage.Request("a bag", 5, 20, 20, true, tr, TensorChannel.Kind.AWGN, 3.0);
                assertFalse(java.util.Arrays.equals(t2i.run(device).image(), view.run(device).image()),
                        "the device's 10 steps run on the receiver: " + tr);
                assertArrayEquals(t2i.run(plain).image(), view.run(plain).image(), "no device steps: " + tr);
                assertArrayEquals(t2i.run(edgeOnly).image(), view.run(edgeOnly).image(), "a = T-hat: " + tr);
            }
            view.close();
            assertTrue(t2i.liveArrays() > 0, "closing the view leaves the shared models open");
            t2i.run(new TextToImage.Request("a bag", 5, 10, 20, true, TextToImage.Transmission.ANALOG,
                    TensorChannel.Kind.AWGN, 3.0));
        }
    }

    @Test
    void noArrayOutlivesARequest() {
        try (TextToImage t2i = TextToImage.initialized(TINY, 12)) {
            var requests = new java.util.ArrayList<TextToImage.Request>();
            for (TextToImage.Transmission tr : TextToImage.Transmission.values()) {
                for (TensorChannel.Kind kind : TensorChannel.Kind.values()) {
                    requests.add(new TextToImage.Request("an ankle boot", requests.size(), 5, 10, true, tr, kind,
                            -3.0 + 3 * requests.size()));
                }
            }
            requests.forEach(t2i::run); // warm-up: lazily created state, if any, exists from here on
            int live = t2i.liveArrays();
            assertTrue(live > 0, "the weights are managed arrays");
            for (int round = 0; round < 3; round++) {
                requests.forEach(t2i::run);
                float[][] lat = {t2i.initialLatent(1), t2i.initialLatent(2)};
                t2i.step(lat, new int[] {999, 500}, new int[] {949, 450}, new String[] {"a bag", ""});
                t2i.finish(requests.get(round), lat[0], lat[1]);
                assertEquals(live, t2i.liveArrays(), "arrays alive after round " + round);
            }
        }
    }
}
