package aigcsim.models.training;

import java.util.Random;
import java.util.function.Consumer;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.diffusion.NoiseSchedule;
import aigcsim.models.nn.TextEncoder;
import aigcsim.models.nn.Tokenizer;
import aigcsim.models.nn.UNet;

/**
 * Training loops, in Java on DJL: the autoencoder (reconstruction + KL, seed 001 eq. 17), the classifier
 * (cross-entropy), and the text-conditioned denoiser (ε-prediction, eq. 18, with the condition dropped for
 * classifier-free guidance). Each loop is seeded (initialization, shuffling, noise), reports progress, and returns
 * the mean loss of its last epoch.
 */
public final class Training {
    /** The Adam learning rate of every loop (the denoiser's peak: it decays on a cosine, see {@link #denoiser}). */
    public static final float LEARNING_RATE = 5e-4f;
    /** The receiver's peak learning rate: it starts from the trained denoiser and should stay near it. */
    public static final float RECEIVER_LEARNING_RATE = 1e-4f;
    /** Gradients are clipped element-wise to ±this (the autoencoder diverges without it). */
    public static final float GRADIENT_CLIP = 1f;
    /** KL weight of the autoencoder loss (per element, against the per-element reconstruction MSE). */
    public static final float KL_WEIGHT = 1e-3f;
    /** Probability of training the denoiser on the empty prompt (classifier-free guidance). */
    public static final double CONDITION_DROP = 0.1;
    /** How many skipped batches are reported one by one (later ones are only counted). */
    private static final int REPORTED_SKIPS = 5;

    private Training() {
    }

    /** Data, batch size, epochs, seed and where progress lines go. */
    public record Plan(int epochs, int batchSize, long seed, Consumer<String> progress) {
    }

    /** A trainer for forward passes and gradients; updates are done by {@link Adam}, not the trainer. */
    static Trainer trainer(Model model, Shape... inputShapes) {
        Trainer t = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()));
        t.initialize(inputShapes);
        return t;
    }

    /** The learning rate at a fraction of training done, in [0, 1). */
    @FunctionalInterface
    interface LearningRate {
        float at(double progress);

        static LearningRate constant(float rate) {
            return progress -> rate;
        }

        /** peak·(1 + cos πp)/2: from the peak down to 0 at the end of the last epoch. */
        static LearningRate cosine(float peak) {
            return progress -> (float) (peak * (1 + Math.cos(Math.PI * progress)) / 2);
        }
    }

    interface Step {
        /** The loss of one batch of the given example indices (forward inside the collector). */
        NDArray loss(NDManager m, Trainer t, int[] batch);
    }

    static double loop(String name, Trainer trainer, int n, Plan plan, Step step) {
        return loop(name, trainer, n, plan, LearningRate.constant(LEARNING_RATE), step);
    }

    static double loop(String name, Trainer trainer, int n, Plan plan, LearningRate rate, Step step) {
        Random shuffle = new Random(plan.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batches = n / plan.batchSize();
        if (batches == 0) {
            throw new IllegalArgumentException(name + ": " + n + " examples are fewer than one batch of "
                    + plan.batchSize());
        }
        double epochLoss = Double.NaN;
        int skipped = 0;
        Adam adam = new Adam(trainer.getManager(), GRADIENT_CLIP);
        double steps = (double) plan.epochs() * batches;
        long start = System.nanoTime();
        for (int e = 0; e < plan.epochs(); e++) {
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            double sum = 0;
            int counted = 0;
            for (int b = 0; b < batches; b++) {
                int[] idx = java.util.Arrays.copyOfRange(order, b * plan.batchSize(), (b + 1) * plan.batchSize());
                double progress = (e * batches + b) / steps;
                try (NDManager m = trainer.getManager().newSubManager()) {
                    float loss;
                    String nonFinite = null;
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray l = step.loss(m, trainer, idx);
                        loss = l.getFloat();
                        if (!Float.isFinite(loss)) {
                            nonFinite = "loss";
                        } else {
                            gc.backward(l);
                            nonFinite = nonFiniteGradient(trainer);
                        }
                    }
                    if (nonFinite == null) {
                        adam.step(trainer.getModel().getBlock(), rate.at(progress));
                        sum += loss;
                        counted++;
                    } else {
                        // a skipped batch must not leave its gradients behind: PyTorch accumulates them, and one
                        // NaN left in place would poison every later batch
                        Adam.clearGradients(trainer.getModel().getBlock());
                        if (skipped++ < REPORTED_SKIPS) {
                            plan.progress().accept(String.format(java.util.Locale.ROOT,
                                    "%s epoch %d batch %d: non-finite %s, batch skipped", name, e + 1, b + 1,
                                    nonFinite));
                        }
                    }
                }
                if ((b + 1) % Math.max(1, batches / 5) == 0 || b == batches - 1) {
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    double done = progress + 1 / steps;
                    plan.progress().accept(String.format(java.util.Locale.ROOT,
                            "%s epoch %d/%d batch %d/%d loss %.5f lr %.2e (%.0f s, ~%.0f s left)%s", name, e + 1,
                            plan.epochs(), b + 1, batches, sum / Math.max(1, counted),
                            rate.at(progress), elapsed, elapsed * (1 - done) / done,
                            skipped > 0 ? ", " + skipped + " non-finite batches skipped" : ""));
                }
            }
            epochLoss = sum / Math.max(1, counted);
        }
        return epochLoss;
    }

    /**
     * The name of the first parameter whose gradient is not finite ("gradient of &lt;name&gt;"), or null when all are
     * finite (a batch with a non-finite gradient is skipped, not applied).
     */
    private static String nonFiniteGradient(Trainer trainer) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            for (var p : trainer.getModel().getBlock().getParameters()) {
                NDArray w = p.getValue().getArray();
                if (w.hasGradient()) {
                    NDArray g = w.getGradient();
                    g.attach(scope); // the handle and every temporary die with the scope
                    if (!Float.isFinite(g.abs().sum().getFloat())) {
                        return "gradient of " + p.getKey();
                    }
                }
            }
        }
        return null;
    }

    /** A batch (B, 1, 32, 32) of the images at the given indices. */
    public static NDArray images(NDManager m, float[][] images, int[] idx) {
        int side = FashionMnist.SIDE;
        float[] flat = new float[idx.length * side * side];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(images[idx[i]], 0, flat, i * side * side, side * side);
        }
        return m.create(flat, new Shape(idx.length, 1, side, side));
    }

    /** Trains the autoencoder on images; returns the last epoch's mean loss. */
    public static double autoencoder(Model model, float[][] images, Plan plan) {
        Engine.getInstance().setRandomSeed((int) plan.seed());
        try (Trainer t = trainer(model, new Shape(plan.batchSize(), 1, FashionMnist.SIDE, FashionMnist.SIDE))) {
            return loop("autoencoder", t, images.length, plan, (m, tr, idx) -> {
                NDArray x = images(m, images, idx);
                NDList out = tr.forward(new NDList(x));
                NDArray rec = out.get(0).sub(x).square().mean();
                NDArray mean = out.get(1);
                NDArray logVar = out.get(2);
                NDArray kl = logVar.exp().add(mean.square()).sub(logVar).sub(1).mean().mul(0.5f);
                return rec.add(kl.mul(KL_WEIGHT));
            });
        }
    }

    /** Trains the classifier; returns the last epoch's mean cross-entropy. */
    public static double classifier(Model model, float[][] images, int[] labels, Plan plan) {
        Engine.getInstance().setRandomSeed((int) plan.seed());
        Loss ce = Loss.softmaxCrossEntropyLoss();
        try (Trainer t = trainer(model, new Shape(plan.batchSize(), 1, FashionMnist.SIDE, FashionMnist.SIDE))) {
            return loop("classifier", t, images.length, plan, (m, tr, idx) -> {
                float[] y = new float[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    y[i] = labels[idx[i]];
                }
                NDList out = tr.forward(new NDList(images(m, images, idx)));
                return ce.evaluate(new NDList(m.create(y)), new NDList(out.get(0)));
            });
        }
    }

    /**
     * Trains the denoiser on scaled latents (n × 256 values) of images with these prompts: x_t = √ᾱ_t·x_0 +
     * √(1 − ᾱ_t)·ε at a uniform t, loss ‖ε − ε̂‖². The learning rate decays on a cosine from {@link #LEARNING_RATE}
     * to 0 over the planned epochs. Semantic accuracy of 300 20-step samples at guidance 3: constant rate, 5 epochs
     * 0.723, 12 epochs 0.933; cosine, 8 epochs (the default, ~24 min on 2 cores) 0.837.
     */
    public static double denoiser(Model model, float[][] latents, String[] prompts, Tokenizer tokenizer,
            NoiseSchedule schedule, Plan plan) {
        Engine.getInstance().setRandomSeed((int) plan.seed());
        Random rng = new Random(plan.seed() + 1);
        int v = tokenizer.vocabularySize();
        Shape latentShape = new Shape(plan.batchSize(), 4, 8, 8);
        try (Trainer t = trainer(model, latentShape, new Shape(plan.batchSize(), UNet.TIME_FEATURES),
                new Shape(plan.batchSize(), tokenizer.length(), v))) {
            return loop("denoiser", t, latents.length, plan, LearningRate.cosine(LEARNING_RATE), (m, tr, idx) -> {
                int b = idx.length;
                float[] flat = new float[b * 256];
                float[] a = new float[b];
                float[] s = new float[b];
                int[] ts = new int[b];
                int[][] tokens = new int[b][];
                for (int i = 0; i < b; i++) {
                    System.arraycopy(latents[idx[i]], 0, flat, i * 256, 256);
                    ts[i] = rng.nextInt(NoiseSchedule.T);
                    a[i] = (float) Math.sqrt(schedule.alphaBar(ts[i]));
                    s[i] = (float) Math.sqrt(1 - schedule.alphaBar(ts[i]));
                    tokens[i] = tokenizer.encode(rng.nextDouble() < CONDITION_DROP ? "" : prompts[idx[i]]);
                }
                NDArray x0 = m.create(flat, latentShape);
                NDArray eps = m.randomNormal(latentShape);
                NDArray xt = x0.mul(m.create(a).reshape(b, 1, 1, 1)).add(eps.mul(m.create(s).reshape(b, 1, 1, 1)));
                NDList out = tr.forward(new NDList(xt, UNet.timeFeatures(m, ts), TextEncoder.oneHot(m, tokens, v)));
                return out.singletonOrThrow().sub(eps).square().mean();
            });
        }
    }

    /**
     * Fine-tunes the device's receiver from the edge's denoiser (Proposition 1 of the SemAIGC paper: the fine-tuning
     * module's UNet learns the diffusion noise plus the channel's), at a peak learning rate of
     * {@value #RECEIVER_LEARNING_RATE} on a cosine. Per example: a split a uniform in [0, T̂), the edge's latent at
     * its step t, x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε, sent as the analog latent over AWGN or Rayleigh (faded SNR after zero
     * forcing) at an SNR drawn as {@link #fadedSnrDb}: y = x_t + n, n of variance P/SNR per value (P the latent's
     * power, as the tensor channel normalizes). The receiver matches y to the step m of
     * equal noise level and rescales it, z = y·√(ᾱ_m / ᾱ_t), as it will at inference; the target is the noise z
     * actually carries, (z − √ᾱ_m·x_0) / √(1 − ᾱ_m), Gaussian of unit variance only where the match is exact. A
     * channel that leaves the latent more than twice as noisy as the schedule's last step is drawn again: it has no
     * match, and its target's variance would grow with the excess (a deep Rayleigh fade made one batch's loss
     * explode). The prompt is dropped with probability {@value #CONDITION_DROP} (classifier-free guidance).
     */
    public static double receiver(Model model, float[][] latents, String[] prompts, Tokenizer tokenizer,
            NoiseSchedule schedule, int totalSteps, Plan plan) {
        Engine.getInstance().setRandomSeed((int) plan.seed());
        Random rng = new Random(plan.seed() + 4);
        int v = tokenizer.vocabularySize();
        int[] splits = schedule.ddimTimesteps(totalSteps);
        Shape latentShape = new Shape(plan.batchSize(), 4, 8, 8);
        try (Trainer t = trainer(model, latentShape, new Shape(plan.batchSize(), UNet.TIME_FEATURES),
                new Shape(plan.batchSize(), tokenizer.length(), v))) {
            return loop("receiver", t, latents.length, plan, LearningRate.cosine(RECEIVER_LEARNING_RATE),
                    (m, tr, idx) -> {
                int b = idx.length;
                float[] z = new float[b * 256];
                float[] target = new float[b * 256];
                int[] matched = new int[b];
                int[][] tokens = new int[b][];
                for (int i = 0; i < b; i++) {
                    float[] x0 = latents[idx[i]];
                    int step = splits[rng.nextInt(totalSteps)];
                    double a = Math.sqrt(schedule.alphaBar(step));
                    double s = Math.sqrt(1 - schedule.alphaBar(step));
                    double[] y = new double[256];
                    double power = 0;
                    for (int k = 0; k < 256; k++) {
                        y[k] = a * x0[k] + s * rng.nextGaussian();
                        power += y[k] * y[k] / 256;
                    }
                    double channelVariance;
                    do { // a fade so deep that no step is as noisy cannot be matched: drawn again
                        channelVariance = power * Math.pow(10, -fadedSnrDb(rng) / 10);
                    } while ((1 - a * a + channelVariance) / (a * a) > 2 * schedule.noiseToSignal(NoiseSchedule.T - 1));
                    double sigma = Math.sqrt(channelVariance);
                    matched[i] = schedule.matchStep(step, channelVariance);
                    double scale = Math.sqrt(schedule.alphaBar(matched[i]) / schedule.alphaBar(step));
                    double aTo = Math.sqrt(schedule.alphaBar(matched[i]));
                    double sTo = Math.sqrt(1 - schedule.alphaBar(matched[i]));
                    for (int k = 0; k < 256; k++) {
                        double zk = (y[k] + sigma * rng.nextGaussian()) * scale;
                        z[i * 256 + k] = (float) zk;
                        target[i * 256 + k] = (float) ((zk - aTo * x0[k]) / sTo);
                    }
                    tokens[i] = tokenizer.encode(rng.nextDouble() < CONDITION_DROP ? "" : prompts[idx[i]]);
                }
                NDList out = tr.forward(new NDList(m.create(z, latentShape), UNet.timeFeatures(m, matched),
                        TextEncoder.oneHot(m, tokens, v)));
                return out.singletonOrThrow().sub(m.create(target, latentShape)).square().mean();
            });
        }
    }

    /** Lowest and highest training SNR of the JSCC codec, dB (the seeds' range). */
    public static final double JSCC_SNR_LOW_DB = -6;
    public static final double JSCC_SNR_HIGH_DB = 15;

    /**
     * A training SNR of the analog latent and SemAIGC's JSCC codec, dB: uniform in [{@value #JSCC_SNR_LOW_DB},
     * {@value #JSCC_SNR_HIGH_DB}], and half the time faded by Rayleigh (the faded SNR after zero forcing,
     * |h|² ~ Exp(1)).
     */
    private static double fadedSnrDb(Random rng) {
        double snrDb = JSCC_SNR_LOW_DB + rng.nextDouble() * (JSCC_SNR_HIGH_DB - JSCC_SNR_LOW_DB);
        if (rng.nextBoolean()) {
            snrDb += 10 * Math.log10(Math.max(1e-12, -Math.log(1 - rng.nextDouble())));
        }
        return snrDb;
    }

    /**
     * Trains the JSCC codec on what the edge sends: latents after a uniform split a of T̂ DDIM steps
     * (x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε at the split's step), SNR uniform in [−6, 15] dB, AWGN or Rayleigh (faded
     * SNR after zero forcing); loss ‖x̂ − x_t‖².
     */
    public static double jscc(Model model, float[][] latents, NoiseSchedule schedule, int totalSteps, Plan plan) {
        Engine.getInstance().setRandomSeed((int) plan.seed());
        Random rng = new Random(plan.seed() + 2);
        int[] ts = schedule.ddimTimesteps(totalSteps);
        Shape latentShape = new Shape(plan.batchSize(), 4, 8, 8);
        try (Trainer t = trainer(model, latentShape, new Shape(plan.batchSize(), 1),
                new Shape(plan.batchSize(), 1, 1, 1), latentShape)) {
            return loop("jscc", t, latents.length, plan, (m, tr, idx) -> {
                int b = idx.length;
                float[] flat = new float[b * 256];
                float[] a = new float[b];
                float[] s = new float[b];
                float[] snr = new float[b];
                float[] sigma = new float[b];
                for (int i = 0; i < b; i++) {
                    System.arraycopy(latents[idx[i]], 0, flat, i * 256, 256);
                    int split = rng.nextInt(totalSteps + 1);
                    int step = split < totalSteps ? ts[split] : -1;
                    a[i] = (float) Math.sqrt(schedule.alphaBar(step));
                    s[i] = (float) Math.sqrt(1 - schedule.alphaBar(step));
                    double snrDb = fadedSnrDb(rng);
                    snr[i] = aigcsim.models.nn.JsccCoder.snrFeature(snrDb);
                    sigma[i] = (float) Math.sqrt(Math.pow(10, -snrDb / 10));
                }
                NDArray x0 = m.create(flat, latentShape);
                NDArray xt = x0.mul(m.create(a).reshape(b, 1, 1, 1))
                        .add(m.randomNormal(latentShape).mul(m.create(s).reshape(b, 1, 1, 1)));
                NDList out = tr.forward(new NDList(xt, m.create(snr).reshape(b, 1), m.create(sigma).reshape(b, 1, 1, 1),
                        m.randomNormal(latentShape)));
                return out.singletonOrThrow().sub(xt).square().mean();
            });
        }
    }
}
