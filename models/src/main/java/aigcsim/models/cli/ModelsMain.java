package aigcsim.models.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.diffusion.NoiseSchedule;
import aigcsim.models.nn.Autoencoder;
import aigcsim.models.nn.Classifier;
import aigcsim.models.nn.Jscc;
import aigcsim.models.nn.JsccCoder;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.nn.Tokenizer;
import aigcsim.models.quality.ImageQuality;
import aigcsim.models.training.ModelSizes;
import aigcsim.models.training.Training;
import aigcsim.models.weights.Weights;
import aigcsim.models.weights.WeightsManifest;

/**
 * {@code aigcsim models train [classifier|autoencoder|denoiser|jscc|all]}: trains on Debian's Fashion-MNIST and writes
 * weights with manifests (default {@code models/weights}); {@code aigcsim models eval} measures them
 * ({@link ModelsEval}).
 */
public final class ModelsMain {
    private static final List<String> COMPONENTS = List.of("classifier", "autoencoder", "denoiser", "jscc");
    private static final Map<String, Integer> DEFAULT_EPOCHS = Map.of("classifier", 3, "autoencoder", 3,
            "denoiser", 8, "jscc", 12);
    private static final int BATCH = 64;
    private static final long SEED = 2026;

    private ModelsMain() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("ai.djl.offline", "true");
        if (args.length >= 1 && (args[0].equals("eval") || args[0].equals("bench"))) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            if (args[0].equals("eval")) {
                ModelsEval.main(rest);
            } else {
                ModelsBench.main(rest);
            }
            return;
        }
        if (args.length < 1 || !args[0].equals("train")) {
            System.err.println("usage: aigcsim models train [classifier|autoencoder|denoiser|jscc|all] [--out DIR] "
                    + "[--epochs N] [--limit N]\n       aigcsim models eval [--weights DIR] [--out DIR] "
                    + "[--samples N] [--table-samples N] [--guidance G]\n       aigcsim models bench [--requests N]");
            System.exit(2);
        }
        String what = args.length > 1 && !args[1].startsWith("--") ? args[1] : "all";
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = what.equals("all") && (args.length < 2 || args[1].startsWith("--")) ? 1 : 2; i < args.length;
                i += 2) {
            if (i + 1 >= args.length || !List.of("--out", "--epochs", "--limit").contains(args[i])) {
                System.err.println("aigcsim models: bad option '" + args[i] + "'; options: --out, --epochs, --limit");
                System.exit(2);
            }
            opts.put(args[i], args[i + 1]);
        }
        if (!what.equals("all") && !COMPONENTS.contains(what)) {
            System.err.println("aigcsim models: unknown component '" + what + "'; components: " + COMPONENTS
                    + " or all");
            System.exit(2);
        }
        Path out = Path.of(opts.getOrDefault("--out", Weights.BUNDLED_DIR.toString()));
        int limit = Integer.parseInt(opts.getOrDefault("--limit", "60000"));
        try {
            FashionMnist.Split train = FashionMnist.load(FashionMnist.DEFAULT_DIR, true, limit);
            FashionMnist.Split test = FashionMnist.load(FashionMnist.DEFAULT_DIR, false, 10000);
            for (String c : what.equals("all") ? COMPONENTS : List.of(what)) {
                int epochs = Integer.parseInt(opts.getOrDefault("--epochs", DEFAULT_EPOCHS.get(c).toString()));
                train(c, ModelSizes.BUNDLED, train, test, epochs, out);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("aigcsim models: " + e.getMessage());
            System.exit(2);
        }
    }

    static void train(String component, ModelSizes sizes, FashionMnist.Split train, FashionMnist.Split test,
            int epochs, Path out) throws IOException {
        Training.Plan plan = new Training.Plan(epochs, BATCH, SEED, System.out::println);
        String data = "fashion-mnist train " + train.size() + " (Debian dataset-fashion-mnist), padded to 32x32";
        Map<String, Double> metrics = new LinkedHashMap<>();
        switch (component) {
            case "classifier" -> {
                try (Model m = Model.newInstance(component)) {
                    Classifier cls = sizes.classifier();
                    m.setBlock(cls);
                    double loss = Training.classifier(m, train.images(), train.labels(), plan);
                    metrics.put("testAccuracy", Evaluation.accuracy(cls, m.getNDManager(), test));
                    Weights.save(m, out, component, sizes.describe(), data, epochs, Map.of("crossEntropy", loss),
                            metrics);
                }
            }
            case "autoencoder" -> {
                try (Model m = Model.newInstance(component)) {
                    Autoencoder vae = sizes.autoencoder();
                    m.setBlock(vae);
                    double loss = Training.autoencoder(m, train.images(), plan);
                    metrics.put("testReconstructionPsnrDb", Evaluation.reconstructionPsnr(vae, m.getNDManager(),
                            test));
                    metrics.put("latentScale", 1 / Evaluation.latentStd(vae, m.getNDManager(), train));
                    Weights.save(m, out, component, sizes.describe(), data, epochs, Map.of("mseKl", loss),
                            metrics);
                }
            }
            case "denoiser" -> {
                double scale = WeightsManifest.verify(out, "autoencoder").metrics().get("latentScale");
                float[][] latents = trainingLatents(sizes, out, train, scale);
                String[] prompts = new String[train.size()];
                for (int i = 0; i < prompts.length; i++) {
                    prompts[i] = FashionMnist.PROMPTS.get(train.labels()[i]);
                }
                try (Model m = Model.newInstance(component)) {
                    m.setBlock(sizes.denoiser());
                    double loss = Training.denoiser(m, latents, prompts,
                            new Tokenizer(FashionMnist.PROMPTS, sizes.promptLength()), new NoiseSchedule(), plan);
                    metrics.put("latentScale", scale);
                    Weights.save(m, out, component, sizes.describe(), data, epochs, Map.of("epsMse", loss),
                            metrics);
                }
            }
            case "jscc" -> {
                double scale = WeightsManifest.verify(out, "autoencoder").metrics().get("latentScale");
                float[][] latents = trainingLatents(sizes, out, train, scale);
                try (Model m = Model.newInstance(component)) {
                    Jscc jscc = sizes.jscc();
                    m.setBlock(jscc);
                    NoiseSchedule schedule = new NoiseSchedule();
                    double loss = Training.jscc(m, latents, schedule, TextToImage.TOTAL_STEPS, plan);
                    metrics.putAll(Evaluation.jsccResidual(jscc, m.getNDManager(), trainingLatents(sizes, out, test,
                            scale), schedule));
                    Weights.save(m, out, component, sizes.describe(), data, epochs, Map.of("latentMse", loss),
                            metrics);
                }
            }
            default -> throw new IllegalArgumentException("unknown component " + component);
        }
        System.out.printf(Locale.ROOT, "%s: wrote %s %s%n", component, out.resolve(Weights.paramsFile(component)),
                metrics);
    }

    private static float[][] trainingLatents(ModelSizes sizes, Path dir, FashionMnist.Split data, double scale) {
        try (Model vae = Weights.load(dir, "autoencoder", sizes.autoencoder())) {
            return Evaluation.latents((Autoencoder) vae.getBlock(), vae.getNDManager(), data, scale);
        }
    }

    /** Evaluations used at the end of training. */
    static final class Evaluation {
        private Evaluation() {
        }

        static double accuracy(Classifier cls, NDManager parent, FashionMnist.Split test) {
            int correct = 0;
            for (int start = 0; start < test.size(); start += 500) {
                int[] idx = range(start, Math.min(test.size(), start + 500));
                try (NDManager m = parent.newSubManager()) {
                    NDArray logits = cls.forward(new ParameterStore(m, false),
                            new ai.djl.ndarray.NDList(Training.images(m, test.images(), idx)), false).get(0);
                    long[] pred = logits.argMax(1).toLongArray();
                    for (int i = 0; i < idx.length; i++) {
                        correct += pred[i] == test.labels()[idx[i]] ? 1 : 0;
                    }
                }
            }
            return correct / (double) test.size();
        }

        static double reconstructionPsnr(Autoencoder vae, NDManager parent, FashionMnist.Split test) {
            double sum = 0;
            for (int start = 0; start < test.size(); start += 500) {
                int[] idx = range(start, Math.min(test.size(), start + 500));
                try (NDManager m = parent.newSubManager()) {
                    ParameterStore ps = new ParameterStore(m, false);
                    float[] rec = vae.decode(ps, vae.encode(ps, Training.images(m, test.images(), idx))).toFloatArray();
                    int px = FashionMnist.SIDE * FashionMnist.SIDE;
                    for (int i = 0; i < idx.length; i++) {
                        sum += ImageQuality.psnrDb(test.images()[idx[i]],
                                java.util.Arrays.copyOfRange(rec, i * px, (i + 1) * px));
                    }
                }
            }
            return sum / test.size();
        }

        static double latentStd(Autoencoder vae, NDManager parent, FashionMnist.Split data) {
            double sum = 0;
            double sq = 0;
            long n = 0;
            for (float[] z : latents(vae, parent, data, 1.0)) {
                for (float v : z) {
                    sum += v;
                    sq += v * v;
                    n++;
                }
            }
            double mean = sum / n;
            return Math.sqrt(sq / n - mean * mean);
        }

        static float[][] latents(Autoencoder vae, NDManager parent, FashionMnist.Split data, double scale) {
            float[][] out = new float[data.size()][];
            for (int start = 0; start < data.size(); start += 500) {
                int[] idx = range(start, Math.min(data.size(), start + 500));
                try (NDManager m = parent.newSubManager()) {
                    float[] z = vae.encode(new ParameterStore(m, false), Training.images(m, data.images(), idx))
                            .mul((float) scale).toFloatArray();
                    for (int i = 0; i < idx.length; i++) {
                        out[idx[i]] = java.util.Arrays.copyOfRange(z, i * 256, (i + 1) * 256);
                    }
                }
            }
            return out;
        }

        /**
         * The JSCC decoder's residual error variance per value on AWGN at each SNR of {@link TextToImage#JSCC_SNR_GRID_DB}
         * (held-out latents, uniform split), the σ² the device's step matching uses after JSCC.
         */
        static Map<String, Double> jsccResidual(Jscc jscc, NDManager parent, float[][] latents,
                NoiseSchedule schedule) {
            Map<String, Double> out = new LinkedHashMap<>();
            java.util.Random rng = new java.util.Random(5);
            int[] ts = schedule.ddimTimesteps(TextToImage.TOTAL_STEPS);
            int n = Math.min(2000, latents.length);
            for (double snrDb : TextToImage.JSCC_SNR_GRID_DB) {
                double sum = 0;
                for (int start = 0; start < n; start += 500) {
                    int b = Math.min(500, n - start);
                    try (NDManager m = parent.newSubManager()) {
                        float[] flat = new float[b * 256];
                        float[] a = new float[b];
                        float[] s = new float[b];
                        for (int i = 0; i < b; i++) {
                            System.arraycopy(latents[start + i], 0, flat, i * 256, 256);
                            int split = rng.nextInt(TextToImage.TOTAL_STEPS + 1);
                            int step = split < TextToImage.TOTAL_STEPS ? ts[split] : -1;
                            a[i] = (float) Math.sqrt(schedule.alphaBar(step));
                            s[i] = (float) Math.sqrt(1 - schedule.alphaBar(step));
                        }
                        ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(b, 4, 8, 8);
                        NDArray xt = m.create(flat, shape).mul(m.create(a).reshape(b, 1, 1, 1))
                                .add(m.randomNormal(shape).mul(m.create(s).reshape(b, 1, 1, 1)));
                        float[] feat = new float[b];
                        float[] sigma = new float[b];
                        java.util.Arrays.fill(feat, JsccCoder.snrFeature(snrDb));
                        java.util.Arrays.fill(sigma, (float) Math.sqrt(Math.pow(10, -snrDb / 10)));
                        NDArray rec = jscc.forward(new ParameterStore(m, false), new ai.djl.ndarray.NDList(xt,
                                m.create(feat).reshape(b, 1), m.create(sigma).reshape(b, 1, 1, 1),
                                m.randomNormal(shape)), false).singletonOrThrow();
                        sum += rec.sub(xt).square().mean().getFloat() * b;
                    }
                }
                out.put(TextToImage.residualKey(snrDb), sum / n);
            }
            return out;
        }

        private static int[] range(int from, int to) {
            int[] r = new int[to - from];
            for (int i = 0; i < r.length; i++) {
                r[i] = from + i;
            }
            return r;
        }
    }
}
