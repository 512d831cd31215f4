package aigcsim.models.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.Model;
import aigcsim.models.channel.LinkChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.diffusion.NoiseSchedule;
import aigcsim.models.nn.Autoencoder;
import aigcsim.models.nn.Classifier;
import aigcsim.models.nn.Jscc;
import aigcsim.models.nn.LinkAdapters;
import aigcsim.models.nn.LinkJscc;
import aigcsim.models.nn.Tokenizer;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.LinkTraining;
import aigcsim.models.training.ModelSizes;
import aigcsim.models.training.Training;
import aigcsim.models.weights.Weights;
import aigcsim.models.weights.WeightsManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aigcsim models train [COMPONENT|all]}: trains
 * on Fashion-MNIST and writes weights with manifests into {@code --out} (default {@value #DEFAULT_OUT}, never the bundled
 * {@code models/weights} unless named). An output directory that lacks components this run does not train gets the
 * bundled ones, so it is a complete set for {@code eval --weights} and {@code bench --weights} (and the denoiser and
 * the latent JSCC codecs find the autoencoder they train on).
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = ModelsSubcommand.Version.class,
        sortOptions = false,
        description = {"Trains the models on Fashion-MNIST and writes their weights and manifests.",
            "On 2 cores: classifier ~4 min, autoencoder ~10 min, denoiser ~24 min, jscc ~7 min, link-jscc ~8 min, "
                + "deep-jscc ~18 min, receiver ~4 min, link-jscc-mt ~4 min, link-jscc-lora, -cala and -ft ~2 min "
                + "each (all ~85 min)."})
public final class ModelsTrain extends ModelsSubcommand {
    /** The knowledge-alignment components: the misaligned codec and its three alignments (docs/link-level.md). */
    static final List<String> ALIGNMENT = List.of("link-jscc-mt", "link-jscc-lora", "link-jscc-cala", "link-jscc-ft");
    static final List<String> COMPONENTS = java.util.stream.Stream.concat(java.util.stream.Stream.of("classifier",
            "autoencoder", "denoiser", "jscc", "link-jscc", "deep-jscc", "receiver"), ALIGNMENT.stream()).toList();
    static final Map<String, Integer> DEFAULT_EPOCHS = Map.ofEntries(Map.entry("classifier", 3),
            Map.entry("autoencoder", 3), Map.entry("denoiser", 8), Map.entry("jscc", 12), Map.entry("link-jscc", 20),
            Map.entry("deep-jscc", 10), Map.entry("receiver", 2), Map.entry("link-jscc-mt", 10),
            Map.entry("link-jscc-lora", 4), Map.entry("link-jscc-cala", 4), Map.entry("link-jscc-ft", 4));
    static final String DEFAULT_OUT = "results/models/weights";
    /** Where a package's manifest keeps its rank. */
    static final String RANK_KEY = "loraRank";
    private static final int BATCH = 64;
    private static final long SEED = 2026;

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMPONENT", defaultValue = "all",
            converter = ComponentName.class,
            description = "classifier, autoencoder, denoiser, jscc, link-jscc, deep-jscc, receiver, link-jscc-mt, "
                + "link-jscc-lora, link-jscc-cala, link-jscc-ft or all (default: ${DEFAULT-VALUE})")
    String component;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT_OUT,
            description = {"where to write the weights and manifests (default: ${DEFAULT-VALUE}, under the working "
                + "directory); the bundled weights are replaced only when named here (--out models/weights)"})
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = DATA_HELP)
    Path data = FashionMnist.DEFAULT_DIR;

    @Option(names = "--epochs", paramLabel = "N", converter = PositiveInt.class,
            description = "epochs for every component trained (default: as bundled, classifier 3, autoencoder 3, "
                + "denoiser 8, jscc 12, link-jscc 20, deep-jscc 10, receiver 2, link-jscc-mt 10, the alignments 4)")
    Integer epochs;

    @Option(names = "--rank", paramLabel = "R", converter = PositiveInt.class,
            description = "the rank of a LoRA or CALA package (link-jscc-lora, link-jscc-cala; default "
                + LinkAdapters.RANK + "); another rank is written as <component>-r<R>, beside the default one")
    Integer rank;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "60000", converter = PositiveInt.class,
            description = "training images used, at most the 60,000 of the training split (default: ${DEFAULT-VALUE})")
    int limit;

    /** The components this run trains, in training order. */
    List<String> components() {
        return component.equals("all") ? COMPONENTS : List.of(component);
    }

    @Override
    void run() throws IOException, BadInputException {
        if (rank != null && !List.of("link-jscc-lora", "link-jscc-cala").contains(component)) {
            throw new BadInputException("--rank applies to link-jscc-lora and link-jscc-cala, not " + component);
        }
        requireDataDir(data);
        FashionMnist.Split train = FashionMnist.load(data, true, limit);
        FashionMnist.Split test = FashionMnist.load(data, false, 10000);
        if (isBundled(out)) {
            out().println("note: --out " + out + " is the bundled weights directory: training replaces the bundled "
                    + "weights there");
        } else {
            completeFromBundled();
        }
        out().flush();
        for (String c : components()) {
            train(c, ModelSizes.BUNDLED, train, test, epochs != null ? epochs : DEFAULT_EPOCHS.get(c), out, data,
                    rank != null ? rank : LinkAdapters.RANK);
        }
        if (components().contains("autoencoder") && !components().contains("denoiser")) {
            out().println("note: the denoiser and JSCC codecs in " + out + " were trained on the previous "
                    + "autoencoder's latents; retrain them too (train denoiser, jscc, link-jscc) for a consistent set");
        }
    }

    /** Whether {@code dir} is the bundled weights directory (the same directory, however named). */
    static boolean isBundled(Path dir) {
        Path bundled = Weights.BUNDLED_DIR;
        try {
            if (Files.exists(dir) && Files.exists(bundled)) {
                return Files.isSameFile(dir, bundled);
            }
        } catch (IOException e) {
            // fall through to the comparison of names
        }
        return dir.toAbsolutePath().normalize().equals(bundled.toAbsolutePath().normalize());
    }

    /**
     * Copies into {@link #out} the bundled components this run does not train and {@link #out} lacks (manifest and
     * the weight files it names, verified first), so that it is a complete set; says which.
     */
    private void completeFromBundled() throws IOException, BadInputException {
        List<String> copied = new ArrayList<>();
        for (String c : COMPONENTS) {
            if (components().contains(c) || Files.exists(manifest(out, c)) || c.equals("receiver")) {
                continue; // the receiver is not bundled: trained on demand (docs/receiver.md)
            }
            WeightsManifest m;
            try {
                m = WeightsManifest.verify(Weights.BUNDLED_DIR, c);
            } catch (IllegalArgumentException e) {
                if (c.equals("autoencoder") && components().stream().anyMatch(t -> List.of("denoiser", "jscc",
                        "link-jscc", "receiver").contains(t) || ALIGNMENT.contains(t))) {
                    throw new BadInputException(out + " has no autoencoder, which the " + String.join(" and ",
                            components()) + " train on, and the bundled one cannot be used: " + e.getMessage());
                }
                out().println("note: " + out + " has no " + c + " and the bundled one cannot be copied ("
                        + e.getMessage() + "); eval and bench need every component");
                continue;
            }
            Files.createDirectories(out);
            for (String file : m.sha256().keySet()) {
                Files.copy(Weights.BUNDLED_DIR.resolve(file), out.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(manifest(Weights.BUNDLED_DIR, c), manifest(out, c), StandardCopyOption.REPLACE_EXISTING);
            copied.add(c);
        }
        if (!copied.isEmpty()) {
            out().println("copied the bundled " + String.join(", ", copied) + " into " + out
                    + " so it is a complete set for eval and bench (--weights " + out + ")");
        }
    }

    private static Path manifest(Path dir, String component) {
        return dir.resolve(component + "." + WeightsManifest.FILE);
    }

    /** The component names, with the allowed ones in the message of a wrong one. */
    static final class ComponentName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("all") && !COMPONENTS.contains(value)) {
                throw new TypeConversionException("unknown component '" + value + "'; expected one of "
                        + String.join(", ", COMPONENTS) + " or all");
            }
            return value;
        }
    }

    static void train(String component, ModelSizes sizes, FashionMnist.Split train, FashionMnist.Split test,
            int epochs, Path out, Path dataDir, int rank) throws IOException {
        Training.Plan plan = new Training.Plan(epochs, BATCH, SEED, System.out::println);
        String data = "fashion-mnist train " + train.size() + (dataDir.equals(FashionMnist.DEFAULT_DIR)
                ? " (Debian dataset-fashion-mnist)" : " (from " + dataDir + ")") + ", padded to 32x32";
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
            case "receiver" -> {
                double scale = WeightsManifest.verify(out, "autoencoder").metrics().get("latentScale");
                float[][] latents = trainingLatents(sizes, out, train, scale);
                try (Model m = Weights.load(out, "denoiser", sizes.denoiser())) { // fine-tuned from the edge's
                    double loss = Training.receiver(m, latents, prompts(train), new Tokenizer(FashionMnist.PROMPTS,
                            sizes.promptLength()), new NoiseSchedule(), TextToImage.TOTAL_STEPS, plan);
                    metrics.put("latentScale", scale);
                    Weights.save(m, out, component, sizes.describe(), data, epochs, Map.of("epsMse", loss),
                            metrics);
                }
            }
            case "denoiser" -> {
                double scale = WeightsManifest.verify(out, "autoencoder").metrics().get("latentScale");
                float[][] latents = trainingLatents(sizes, out, train, scale);
                try (Model m = Model.newInstance(component)) {
                    m.setBlock(sizes.denoiser());
                    double loss = Training.denoiser(m, latents, prompts(train),
                            new Tokenizer(FashionMnist.PROMPTS, sizes.promptLength()), new NoiseSchedule(), plan);
                    metrics.put("latentScale", scale);
                    Weights.save(m, out, component, sizes.describe(), data, epochs, Map.of("epsMse", loss),
                            metrics);
                }
            }
            case "link-jscc", "deep-jscc" -> { // the codec of latents (DeKA-g) or of images (DeepJSCC)
                boolean latent = component.equals("link-jscc");
                double scale = latent ? WeightsManifest.verify(out, "autoencoder").metrics().get("latentScale") : 1;
                float[][] trainSet = latent ? trainingLatents(sizes, out, train, scale) : train.images();
                float[][] testSet = latent ? trainingLatents(sizes, out, test, scale) : test.images();
                try (Model m = Model.newInstance(component)) {
                    LinkJscc codec = latent ? sizes.linkJscc() : sizes.deepJscc();
                    m.setBlock(codec);
                    double loss = LinkTraining.codec(m, trainSet, LinkTraining.TRAINING, plan);
                    metrics.putAll(Evaluation.linkMse(codec, m.getNDManager(), testSet, new double[] {10},
                            LinkChannel.awgn(), LinkChannel.ofdm(LinkTraining.band(100e-9))));
                    Weights.save(m, out, component, sizes.describe(), data, epochs,
                            Map.of(latent ? "latentMse" : "imageMse", loss), metrics);
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
            case "link-jscc-mt", "link-jscc-lora", "link-jscc-cala", "link-jscc-ft" -> {
                double scale = WeightsManifest.verify(out, "autoencoder").metrics().get("latentScale");
                float[][] trainSet = trainingLatents(sizes, out, train, scale);
                float[][] testSet = trainingLatents(sizes, out, test, scale);
                metrics.putAll(alignment(component, sizes, out, plan, data, epochs, trainSet, testSet, rank));
            }
            default -> throw new IllegalArgumentException("unknown component " + component);
        }
        System.out.printf(Locale.ROOT, "%s: wrote %s %s%n", component, out.resolve(Weights.paramsFile(
                packageName(component, rank))),
                metrics);
    }

    /**
     * Trains one knowledge-alignment component: the codec of latents pretrained under one condition
     * ({@code link-jscc-mt}), or its alignment to the target conditions by a LoRA or CALA package (only the package
     * is saved) or by fine-tuning all of it; returns the held-out MSEs under the target conditions.
     */
    private static Map<String, Double> alignment(String component, ModelSizes sizes, Path out, Training.Plan plan,
            String data, int epochs, float[][] trainSet, float[][] testSet, int rank) throws IOException {
        LinkChannel[] target = LinkTraining.alignmentChannels().toArray(LinkChannel[]::new);
        double[] snrs = {LinkTraining.SNR_LOW_DB, LinkTraining.MISALIGNED_SNR_DB, LinkTraining.SNR_HIGH_DB};
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Object> architecture = new LinkedHashMap<>(sizes.describe());
        if (component.equals("link-jscc-mt")) {
            try (Model m = Model.newInstance(component)) {
                LinkJscc codec = sizes.linkJscc();
                m.setBlock(codec);
                double loss = LinkTraining.codec(m, trainSet, LinkTraining.MISALIGNED, plan);
                metrics.putAll(Evaluation.linkMse(codec, m.getNDManager(), testSet, snrs, target));
                Weights.save(m, out, component, architecture, data, epochs, Map.of("latentMse", loss), metrics);
            }
            return metrics;
        }
        try (Model base = Weights.load(out, "link-jscc-mt", sizes.linkJscc())) {
            if (component.equals("link-jscc-ft")) { // every parameter of the codec, from the misaligned one
                double loss = LinkTraining.align(base, trainSet, plan);
                metrics.putAll(Evaluation.linkMse((LinkJscc) base.getBlock(), base.getNDManager(), testSet, snrs,
                        target));
                metrics.put("trainableParameters", (double) LinkAdapters.count(base.getBlock()));
                Weights.save(base, out, component, architecture, data, epochs, Map.of("latentMse", loss), metrics);
                return metrics;
            }
            try (Model m = Model.newInstance(component)) {
                LinkAdapters adapters = new LinkAdapters((LinkJscc) base.getBlock(), rank,
                        component.equals("link-jscc-cala"));
                m.setBlock(adapters);
                double loss = LinkTraining.align(m, trainSet, plan);
                metrics.putAll(Evaluation.linkMse(adapters, m.getNDManager(), testSet, snrs, target));
                metrics.put("trainableParameters", (double) adapters.parameters());
                architecture.put(RANK_KEY, rank);
                architecture.put("conditionAware", adapters.conditionAware());
                architecture.put("adapts", "link-jscc-mt");
                Weights.save(m, out, packageName(component, rank), architecture, data, epochs,
                        Map.of("latentMse", loss), metrics);
            }
        }
        return metrics;
    }

    /** The name a component is saved as: a LoRA or CALA package of a rank other than the default gets -r&lt;R&gt;. */
    static String packageName(String component, int rank) {
        boolean adapters = component.equals("link-jscc-lora") || component.equals("link-jscc-cala");
        return adapters && rank != LinkAdapters.RANK ? component + "-r" + rank : component;
    }

    /** The prompt of each image: its class's. */
    private static String[] prompts(FashionMnist.Split data) {
        String[] prompts = new String[data.size()];
        for (int i = 0; i < prompts.length; i++) {
            prompts[i] = FashionMnist.PROMPTS.get(data.labels()[i]);
        }
        return prompts;
    }

    private static float[][] trainingLatents(ModelSizes sizes, Path dir, FashionMnist.Split data, double scale) {
        try (Model vae = Weights.load(dir, "autoencoder", sizes.autoencoder())) {
            return Evaluation.latents((Autoencoder) vae.getBlock(), vae.getNDManager(), data, scale);
        }
    }
}
