package aigcsim.models.pipeline;

import java.nio.file.Path;
import java.util.Arrays;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import aigcsim.models.channel.DigitalImageLink;
import aigcsim.models.channel.LinkChannel;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.diffusion.DdimSampler;
import aigcsim.models.diffusion.NoisePredictor;
import aigcsim.models.diffusion.NoiseSchedule;
import aigcsim.models.diffusion.SplitTransceiver;
import aigcsim.models.nn.Autoencoder;
import aigcsim.models.nn.Classifier;
import aigcsim.models.nn.Denoiser;
import aigcsim.models.nn.Jscc;
import aigcsim.models.nn.JsccCoder;
import aigcsim.models.nn.TextEncoder;
import aigcsim.models.nn.Tokenizer;
import aigcsim.models.nn.UNet;
import aigcsim.models.quality.ImageQuality;
import aigcsim.models.training.ModelSizes;
import aigcsim.models.weights.Weights;
import aigcsim.models.weights.WeightsManifest;

/**
 * One model instance of the whole text-to-image service (not thread-safe: one per worker thread): the split
 * transceiver over the trained denoiser, the autoencoder's decoder, and the classifier that judges the result.
 * {@link #run} computes one request — edge steps, channel, device steps (or plain decoding), quality against the
 * reference — inside its own NDManager scope, so memory does not grow over many requests.
 */
public final class TextToImage implements AutoCloseable {
    /**
     * Classifier-free guidance scale at sampling. With the bundled denoiser, 300 20-step samples reach semantic
     * accuracy 0.800 at scale 2, 0.837 at 3, 0.900 at 5 and 0.913 at 7.5 (Fréchet distance 17.5, 15.3, 14.5, 13.9).
     */
    public static final double DEFAULT_GUIDANCE = 5.0;
    /** T̂ of seeds 000/001. */
    public static final int TOTAL_STEPS = 20;
    /** SNRs at which the JSCC decoder's residual variance is calibrated (dB); interpolated between, held outside. */
    public static final double[] JSCC_SNR_GRID_DB = {-6, -3, 0, 3, 6, 9, 12, 15};
    private static final Shape LATENT = new Shape(1, 4, 8, 8);

    private final Model denoiser;
    private final Model autoencoder;
    private final Model classifier;
    private final Model jscc;
    /** The device's denoiser for its T̂ − a steps: the edge's own (step matching alone) or a trained receiver. */
    private final Model receiver;
    /** Whether {@link #close} closes the models (a {@link #withReceiver} view shares them and does not). */
    private final boolean owner;
    private final double[] jsccResidual;
    private final Tokenizer tokenizer;
    private final float latentScale;
    private final double guidance;

    /**
     * Complex channel uses per image: the analog latent's bandwidth (4×8×8 = 256 real values = 128 complex symbols);
     * the JSCC codec and the digital link get the same, so the comparisons are at equal bandwidth.
     */
    public static final int CHANNEL_USES = 128;
    private static final long CHANNEL_SEED_MIX = 0x5DEECE66DL;

    /**
     * What crosses the channel: the analog latent (seeds 000/001), the latent through the JSCC codec (seed 003), the
     * decoded image over the digital JPEG link (Edge AIGC), or nothing (Local AIGC: the device generates alone).
     */
    public enum Transmission { ANALOG, JSCC, DIGITAL, NONE }

    /** A request's computation, as the worker pool receives it. */
    public record Request(String prompt, long seed, int edgeSteps, int totalSteps, boolean fineTune,
            Transmission transmission, TensorChannel.Kind channel, double snrDb) {
    }

    /**
     * The delivered image (a black image when it was lost), the reference, and the quality of the one against the
     * other; {@code lost}: nothing usable arrived (the digital link's cliff).
     */
    public record Output(float[] image, float[] reference, double psnrDb, double ssim, int predictedClass,
            boolean semanticHit, boolean lost) {
    }

    /**
     * @param jscc         the JSCC codec, or null (then only analog transmission)
     * @param jsccResidual its residual variance at each SNR of {@link #JSCC_SNR_GRID_DB}
     */
    public TextToImage(Model denoiser, Model autoencoder, Model classifier, Model jscc, double[] jsccResidual,
            Tokenizer tokenizer, double latentScale, double guidance) {
        this(denoiser, autoencoder, classifier, jscc, jsccResidual, tokenizer, latentScale, guidance, denoiser, true);
    }

    private TextToImage(Model denoiser, Model autoencoder, Model classifier, Model jscc, double[] jsccResidual,
            Tokenizer tokenizer, double latentScale, double guidance, Model receiver, boolean owner) {
        this.receiver = receiver;
        this.owner = owner;
        this.denoiser = denoiser;
        this.autoencoder = autoencoder;
        this.classifier = classifier;
        this.jscc = jscc;
        this.jsccResidual = jsccResidual;
        this.tokenizer = tokenizer;
        this.latentScale = (float) latentScale;
        this.guidance = guidance;
    }

    /** Loads the four trained components from {@code dir}, verifying their manifests; default guidance. */
    public static TextToImage load(Path dir, ModelSizes sizes) {
        return load(dir, sizes, DEFAULT_GUIDANCE);
    }

    /** Loads the four trained components from {@code dir} with a classifier-free guidance scale. */
    public static TextToImage load(Path dir, ModelSizes sizes, double guidance) {
        WeightsManifest vae = WeightsManifest.verify(dir, "autoencoder");
        WeightsManifest codec = WeightsManifest.verify(dir, "jscc");
        double[] residual = new double[JSCC_SNR_GRID_DB.length];
        for (int i = 0; i < residual.length; i++) {
            Double v = codec.metrics().get(residualKey(JSCC_SNR_GRID_DB[i]));
            if (v == null) {
                throw new IllegalArgumentException("JSCC manifest in " + dir + " lacks " + residualKey(
                        JSCC_SNR_GRID_DB[i]));
            }
            residual[i] = v;
        }
        Model d = Weights.load(dir, "denoiser", sizes.denoiser());
        Model a = Weights.load(dir, "autoencoder", sizes.autoencoder());
        Model c = Weights.load(dir, "classifier", sizes.classifier());
        Model j = Weights.load(dir, "jscc", sizes.jscc());
        return new TextToImage(d, a, c, j, residual, new Tokenizer(FashionMnist.PROMPTS, sizes.promptLength()),
                vae.metrics().get("latentScale"), guidance);
    }

    /** The components {@link #load} reads, in the order their weights make up the {@link #version}. */
    public static final java.util.List<String> COMPONENTS = java.util.List.of("denoiser", "autoencoder", "classifier",
            "jscc");

    /**
     * The version of the trained weights in {@code dir}: the first 16 hex digits of the SHA-256 over the four
     * components' weight-file hashes (as their manifests record them), so results computed with other weights never
     * mix (the worker pool's cache key).
     */
    public static String version(Path dir) {
        StringBuilder all = new StringBuilder();
        for (String c : COMPONENTS) {
            all.append(c).append(WeightsManifest.verify(dir, c).sha256());
        }
        return WeightsManifest.sha256(all.toString()).substring(0, 16);
    }

    /**
     * An instance with freshly initialized, untrained networks of the given sizes (seeded): for tests and
     * benchmarks of the machinery around the models, where the image quality does not matter. Synchronized: the
     * engine seed is global, so concurrent callers would interleave their draws and get different weights.
     */
    public static synchronized TextToImage initialized(ModelSizes sizes, long seed) {
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
        Tokenizer tok = new Tokenizer(FashionMnist.PROMPTS, sizes.promptLength());
        Model d = Model.newInstance("denoiser");
        Denoiser den = sizes.denoiser();
        d.setBlock(den);
        den.initialize(d.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 4, 8, 8),
                new Shape(1, UNet.TIME_FEATURES), new Shape(1, sizes.promptLength(), tok.vocabularySize()));
        Model a = Model.newInstance("autoencoder");
        Autoencoder vae = sizes.autoencoder();
        a.setBlock(vae);
        vae.initialize(a.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 32, 32));
        Model c = Model.newInstance("classifier");
        Classifier cls = sizes.classifier();
        c.setBlock(cls);
        cls.initialize(c.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 32, 32));
        Model j = Model.newInstance("jscc");
        Jscc codec = sizes.jscc();
        j.setBlock(codec);
        codec.initialize(j.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 4, 8, 8),
                new Shape(1, 1), new Shape(1, 1, 1, 1), new Shape(1, 4, 8, 8));
        double[] residual = new double[JSCC_SNR_GRID_DB.length];
        Arrays.fill(residual, 0.1);
        return new TextToImage(d, a, c, j, residual, tok, 1.0, DEFAULT_GUIDANCE);
    }

    /**
     * A view of this pipeline whose device runs its T̂ − a steps with {@code trained}, a receiver trained on
     * received latents (Proposition 1 of the SemAIGC paper; {@code models train receiver}), instead of the edge's
     * denoiser. It shares every model with this one: close this one, not the view (whose close does nothing).
     */
    public TextToImage withReceiver(Model trained) {
        return new TextToImage(denoiser, autoencoder, classifier, jscc, jsccResidual, tokenizer, latentScale, guidance,
                trained, false);
    }

    /** ε_θ over a denoiser block ({@code unet}: the edge's or the receiver's); "context" is one-hot prompt tokens. */
    private static NoisePredictor predictor(ParameterStore ps, Model unet) {
        return (x, ts, tokens) -> unet.getBlock().forward(ps,
                new NDList(x, UNet.timeFeatures(x.getManager(), ts), tokens), false).singletonOrThrow();
    }

    private NDArray tokens(NDManager m, String prompt) {
        return TextEncoder.oneHot(m, new int[][] {tokenizer.encode(prompt)}, tokenizer.vocabularySize());
    }

    /** The T̂ + 1 edge latents of a prompt and seed (entry a: after a edge steps; entry T̂: the reference). */
    public record Trajectory(float[][] latents, int[] steps) {
    }

    public Trajectory trajectory(String prompt, long seed, int totalSteps) {
        try (NDManager m = denoiser.getNDManager().newSubManager()) {
            SplitTransceiver tx = transceiver(m, totalSteps, denoiser);
            SplitTransceiver.EdgeLatent[] t = tx.trajectory(SplitTransceiver.initialNoise(m, seed, LATENT),
                    totalSteps, tokens(m, prompt), tokens(m, ""));
            float[][] latents = new float[t.length][];
            int[] steps = new int[t.length];
            for (int k = 0; k < t.length; k++) {
                latents[k] = t[k].latent().toFloatArray();
                steps[k] = t[k].step();
            }
            return new Trajectory(latents, steps);
        }
    }

    /**
     * The device's side: the latent sent after a edge steps (at diffusion step {@code step}) crosses the channel;
     * the device fine-tunes (T̂ − a steps from the matched step) or decodes it as is. Returns the image.
     */
    public float[] deliver(Request r, float[] sentLatent, int step) {
        try (NDManager m = denoiser.getNDManager().newSubManager()) {
            NDArray received;
            double noiseVariance;
            long channelSeed = r.seed() ^ CHANNEL_SEED_MIX;
            if (r.transmission() != Transmission.ANALOG && r.transmission() != Transmission.JSCC) {
                throw new IllegalArgumentException("deliver sends a latent (ANALOG or JSCC), got " + r.transmission());
            }
            if (r.transmission() == Transmission.ANALOG) {
                TensorChannel.Received rx = TensorChannel.transmit(sentLatent, r.channel(), r.snrDb(), channelSeed);
                received = m.create(rx.values(), LATENT);
                noiseVariance = rx.noiseVariance();
            } else {
                if (jscc == null) {
                    throw new IllegalStateException("no JSCC codec loaded");
                }
                Jscc codec = (Jscc) jscc.getBlock();
                ParameterStore ps = new ParameterStore(m, false);
                NDArray symbols = codec.encode(ps, m.create(sentLatent, LATENT),
                        m.create(new float[] {JsccCoder.snrFeature(r.snrDb())}, new Shape(1, 1)));
                TensorChannel.Received rx = TensorChannel.transmit(symbols.toFloatArray(), r.channel(), r.snrDb(),
                        channelSeed);
                // the receiver knows the fading gain (perfect CSI): it decodes at the faded SNR
                double effectiveSnrDb = r.snrDb() + 10 * Math.log10(rx.powerGain());
                // back to unit-power symbols plus noise, as the decoder saw them in training
                NDArray y = m.create(rx.values(), LATENT).div(symbols.square().mean().sqrt().add(1e-8f));
                received = codec.decode(ps, y, m.create(new float[] {JsccCoder.snrFeature(effectiveSnrDb)},
                        new Shape(1, 1)));
                noiseVariance = residualVariance(effectiveSnrDb);
            }
            NDArray clean = r.fineTune()
                    ? transceiver(m, r.totalSteps(), receiver).device(received, step, noiseVariance, r.edgeSteps(),
                            tokens(m, r.prompt()), tokens(m, ""))
                    : received;
            return decode(m, clean);
        }
    }

    /**
     * GSC's receiver ("Semantic Successive Refinement"): a received clean latent whose residual error has variance
     * {@code noiseVariance} per value is matched to the diffusion step of that noise level (Proposition 1) and
     * refined by {@code steps} DDIM steps under the prompt. Returns the refined latent.
     */
    public float[] refine(float[] received, double noiseVariance, int steps, String prompt) {
        try (NDManager m = denoiser.getNDManager().newSubManager()) {
            return transceiver(m, TOTAL_STEPS, receiver).device(m.create(received, LATENT), -1, noiseVariance,
                    TOTAL_STEPS - steps, tokens(m, prompt), tokens(m, "")).toFloatArray();
        }
    }

    /** The JSCC decoder's residual variance at an SNR, interpolated on the calibration grid (held at its ends). */
    double residualVariance(double snrDb) {
        double[] g = JSCC_SNR_GRID_DB;
        if (snrDb <= g[0]) {
            return jsccResidual[0];
        }
        for (int i = 1; i < g.length; i++) {
            if (snrDb <= g[i]) {
                double f = (snrDb - g[i - 1]) / (g[i] - g[i - 1]);
                return jsccResidual[i - 1] + f * (jsccResidual[i] - jsccResidual[i - 1]);
            }
        }
        return jsccResidual[g.length - 1];
    }

    /** Decodes a clean latent to an image. */
    public float[] decode(float[] latent) {
        try (NDManager m = autoencoder.getNDManager().newSubManager()) {
            return decode(m, m.create(latent, LATENT));
        }
    }

    /** Quality of a delivered image (null: lost, scored as a black image) against the reference. */
    public Output judge(float[] image, float[] reference, String prompt) {
        float[] shown = image != null ? image : blank();
        int predicted;
        try (NDManager m = classifier.getNDManager().newSubManager()) {
            predicted = classify(m, shown);
        }
        boolean hit = image != null && predicted == FashionMnist.PROMPTS.indexOf(prompt);
        return new Output(shown, reference, ImageQuality.psnrDb(reference, shown),
                ImageQuality.ssim(reference, shown, FashionMnist.SIDE), predicted, hit, image == null);
    }

    /** The manifest key of the JSCC residual variance at an SNR of the grid. */
    public static String residualKey(double snrDb) {
        return "residualVariance@" + (int) snrDb + "dB";
    }

    private static float[] blank() {
        float[] b = new float[FashionMnist.SIDE * FashionMnist.SIDE];
        Arrays.fill(b, -1f);
        return b;
    }

    /**
     * One batched DDIM step over requests at different points of their schedules (continuous batching): request i
     * goes from diffusion step {@code from[i]} to {@code to[i]} under its own prompt. A request's result does not
     * depend on the batch it runs in (per-sample timesteps and conditions, no batch statistics).
     */
    public float[][] step(float[][] latents, int[] from, int[] to, String[] prompts) {
        int b = latents.length;
        try (NDManager m = denoiser.getNDManager().newSubManager()) {
            float[] flat = new float[b * 256];
            int[][] cond = new int[b][];
            int[][] uncond = new int[b][];
            for (int i = 0; i < b; i++) {
                System.arraycopy(latents[i], 0, flat, i * 256, 256);
                cond[i] = tokenizer.encode(prompts[i]);
                uncond[i] = tokenizer.encode("");
            }
            DdimSampler ddim = new DdimSampler(new NoiseSchedule(), predictor(new ParameterStore(m, false), denoiser),
                    guidance);
            NDArray next = ddim.step(m.create(flat, new Shape(b, 4, 8, 8)), from, to,
                    TextEncoder.oneHot(m, cond, tokenizer.vocabularySize()),
                    TextEncoder.oneHot(m, uncond, tokenizer.vocabularySize()));
            float[] out = next.toFloatArray();
            float[][] split = new float[b][];
            for (int i = 0; i < b; i++) {
                split[i] = Arrays.copyOfRange(out, i * 256, (i + 1) * 256);
            }
            return split;
        }
    }

    /** Computes one request: edge steps, channel, device, quality against the reference. */
    public Output run(Request r) {
        Trajectory t = trajectory(r.prompt(), r.seed(), r.totalSteps());
        return finish(r, t.latents()[r.edgeSteps()], t.latents()[r.totalSteps()]);
    }

    /** x_T of a request: its initial latent noise, from the seed alone (entry 0 of its trajectory). */
    public float[] initialLatent(long seed) {
        try (NDManager m = denoiser.getNDManager().newSubManager()) {
            return SplitTransceiver.initialNoise(m, seed, LATENT).toFloatArray();
        }
    }

    /**
     * The diffusion step of each of the T̂ + 1 trajectory entries: entry k (after k edge steps) is at step
     * {@code timesteps[k]}; the last, −1, is the clean latent. Edge step k goes from entry k to entry k + 1.
     */
    public static int[] timesteps(int totalSteps) {
        int[] ddim = new NoiseSchedule().ddimTimesteps(totalSteps);
        int[] entries = Arrays.copyOf(ddim, totalSteps + 1);
        entries[totalSteps] = -1;
        return entries;
    }

    /**
     * Everything after the edge's diffusion steps: the reference is the decoded clean latent of all T̂ steps; the
     * latent after a steps ({@code sentLatent}) crosses the channel and the device finishes it (ANALOG, JSCC), or the
     * edge's image crosses the digital link (DIGITAL), or the device's own image is the reference (NONE). Returns the
     * delivered image's quality.
     */
    public Output finish(Request r, float[] sentLatent, float[] cleanLatent) {
        float[] reference = decode(cleanLatent);
        float[] image = switch (r.transmission()) {
            case ANALOG, JSCC -> deliver(r, sentLatent, timesteps(r.totalSteps())[r.edgeSteps()]);
            case DIGITAL -> DigitalImageLink.send(reference, FashionMnist.SIDE, r.snrDb(), CHANNEL_USES,
                    LinkChannel.of(r.channel()), r.seed() ^ CHANNEL_SEED_MIX).image();
            case NONE -> reference;
        };
        return judge(image, reference, r.prompt());
    }

    private SplitTransceiver transceiver(NDManager m, int totalSteps, Model unet) {
        return new SplitTransceiver(new DdimSampler(new NoiseSchedule(), predictor(new ParameterStore(m, false),
                unet), guidance), totalSteps);
    }

    private float[] decode(NDManager m, NDArray latent) {
        ParameterStore ps = new ParameterStore(m, false);
        return ((Autoencoder) autoencoder.getBlock()).decode(ps, latent.div(latentScale)).toFloatArray();
    }

    private int classify(NDManager m, float[] image) {
        NDArray x = m.create(image, new Shape(1, 1, FashionMnist.SIDE, FashionMnist.SIDE));
        NDArray logits = classifier.getBlock().forward(new ParameterStore(m, false), new NDList(x), false).get(0);
        return (int) logits.argMax(1).getLong();
    }

    /** The classifier's class-probability vector and features of an image (for Fréchet distances). */
    public float[] features(float[] image) {
        try (NDManager m = classifier.getNDManager().newSubManager()) {
            NDArray x = m.create(image, new Shape(1, 1, FashionMnist.SIDE, FashionMnist.SIDE));
            return ((Classifier) classifier.getBlock()).forward(new ParameterStore(m, false), new NDList(x), false)
                    .get(1).toFloatArray();
        }
    }

    @Override
    public void close() {
        if (!owner) {
            return;
        }
        for (Model model : Arrays.asList(denoiser, autoencoder, classifier, jscc)) {
            if (model != null) {
                model.close();
            }
        }
    }

    /**
     * NDArrays alive in the four models' managers and their sub-managers (the weights plus whatever a call left
     * behind): constant from one request to the next when every temporary dies with its scope.
     */
    public int liveArrays() {
        int n = 0;
        for (Model model : Arrays.asList(denoiser, autoencoder, classifier, jscc)) {
            if (model != null) {
                n += model.getNDManager().getManagedArrays().size();
            }
        }
        return n;
    }

    /** The denoiser block, for tests and benchmarks. */
    public Denoiser denoiserBlock() {
        return (Denoiser) denoiser.getBlock();
    }
}
