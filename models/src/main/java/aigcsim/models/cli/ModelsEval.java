package aigcsim.models.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ai.djl.Model;
import aigcsim.models.channel.TensorChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.nn.Autoencoder;
import aigcsim.models.nn.Classifier;
import aigcsim.models.nn.LinkJscc;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.quality.FrechetDistance;
import aigcsim.models.training.ModelSizes;
import aigcsim.models.weights.Weights;
import aigcsim.models.weights.WeightsManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim models eval}: measures the models (the bundled ones by default) and the seeds' claims. Prints and
 * writes {@code eval.json}: autoencoder reconstruction PSNR, classifier accuracy, semantic accuracy and Fréchet
 * distance of 20-step samples, and the table over SNR × a × channel of PSNR, SSIM and semantic accuracy for SemAIGC
 * (fine-tuned receiver), the plain receiver (a = T̂: Non-fine-tuning AIGC) and Edge AIGC (digital JPEG); plus PNG grids
 * like seed 001's Fig. 4 (rows SNR, columns framework, one prompt and seed). {@code --weights DIR} measures other
 * weights (e.g. retrained with {@code train --out DIR}), {@code --data DIR} reads Fashion-MNIST from another directory.
 * {@code --suite link} runs {@link LinkSuite} instead.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = ModelsSubcommand.Version.class,
        sortOptions = false,
        description = {"Measures the models: reconstruction PSNR, classifier accuracy, semantic accuracy and "
            + "Frechet distance of 20-step samples, the SNR x a x channel table, a PNG grid; writes eval.json.",
            "--suite link: the link-level codec against its baselines; writes link.csv, link.json and PNG charts."})
public final class ModelsEval extends ModelsSubcommand {
    static final double[] SNRS_DB = {-6, -3, 0, 3, 6, 9, 12, 15};
    static final int[] SPLITS = {0, 5, 10, 15, 20};
    static final int TOTAL_STEPS = 20;
    /** The transmissions of a latent the table compares (the digital link is Edge AIGC's row). */
    private static final List<TextToImage.Transmission> LATENT_TRANSMISSIONS = List.of(
            TextToImage.Transmission.ANALOG, TextToImage.Transmission.JSCC);

    @Mixin
    WeightsOption weightsOption;

    @Option(names = "--data", paramLabel = "DIR", description = DATA_HELP)
    Path data = FashionMnist.DEFAULT_DIR;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/models-eval",
            description = "where to write eval.json and grid-awgn.png (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "300", converter = PositiveInt.class,
            description = "20-step samples for semantic accuracy and Frechet distance (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--table-samples", paramLabel = "N", converter = PositiveInt.class,
            description = "prompt and seed pairs per cell of the SNR x a x channel table (default: 20) or of the link "
                + "suite (default: " + LINK_SAMPLES + ")")
    Integer tableSamples;

    @Option(names = "--suite", paramLabel = "NAME", defaultValue = "core", converter = SuiteName.class,
            description = {"core: the models and seed 001's table (eval.json); link: the link level of DeKA-g and "
                + "its baselines at equal channel uses, by scheme, channel, SNR and rate (link.csv, link.json, PNG "
                + "charts) (default: ${DEFAULT-VALUE})"})
    String suite;

    static final int LINK_SAMPLES = 100;

    /** The suite names, with the allowed ones in the message of a wrong one. */
    static final class SuiteName implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("core") && !value.equals("link")) {
                throw new picocli.CommandLine.TypeConversionException("unknown suite '" + value
                        + "'; expected core or link");
            }
            return value;
        }
    }

    @Option(names = "--guidance", paramLabel = "G", converter = NonNegativeDouble.class,
            description = "classifier-free guidance scale (default: ${DEFAULT-VALUE})")
    double guidance = TextToImage.DEFAULT_GUIDANCE;

    @Override
    void run() throws IOException, BadInputException {
        Path weights = weightsOption.existingDir();
        Files.createDirectories(out);
        Map<String, Object> report = new LinkedHashMap<>();
        ModelSizes sizes = ModelSizes.BUNDLED;
        report.put("guidance", guidance);
        if (suite.equals("link")) { // generated samples only: no data set needed
            try (TextToImage t2i = TextToImage.load(weights, sizes, guidance);
                    Model codec = Weights.load(weights, "link-jscc", sizes.linkJscc());
                    Model deep = Weights.load(weights, "deep-jscc", sizes.deepJscc())) {
                LinkSuite.Samples samples = LinkSuite.samples(t2i, tableSamples != null ? tableSamples
                        : LINK_SAMPLES);
                report.putAll(LinkSuite.run(t2i, (LinkJscc) codec.getBlock(), codec.getNDManager(),
                        (LinkJscc) deep.getBlock(), deep.getNDManager(), samples, out));
                Map<String, Object> hashes = new LinkedHashMap<>();
                for (String c : List.of("link-jscc", "deep-jscc")) {
                    hashes.put(c, WeightsManifest.verify(weights, c).sha256());
                }
                if (AlignmentSuite.trained(weights)) {
                    report.put("alignment", AlignmentSuite.run(t2i, weights, sizes, (LinkJscc) codec.getBlock(),
                            codec.getNDManager(), samples, out));
                    for (String c : ModelsTrain.ALIGNMENT) {
                        hashes.put(c, WeightsManifest.verify(weights, c).sha256());
                    }
                } else {
                    System.out.println("note: " + weights + " lacks the knowledge-alignment components ("
                            + String.join(", ", ModelsTrain.ALIGNMENT) + "): no alignment rows (train them with "
                            + "models train " + String.join(", ", ModelsTrain.ALIGNMENT) + " in turn)");
                }
                report.put("weights", hashes);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(
                    out.resolve("link.json").toFile(), report);
            System.out.println("wrote " + out.resolve("link.json"));
            return;
        }
        requireDataDir(data);
        FashionMnist.Split test = FashionMnist.load(data, false, 10000);
        try (TextToImage t2i = TextToImage.load(weights, sizes, guidance)) {
            try (Model vae = Weights.load(weights, "autoencoder", sizes.autoencoder());
                    Model cls = Weights.load(weights, "classifier", sizes.classifier())) {
                double psnr = Evaluation.reconstructionPsnr((Autoencoder) vae.getBlock(), vae.getNDManager(), test);
                double acc = Evaluation.accuracy((Classifier) cls.getBlock(), cls.getNDManager(), test);
                report.put("autoencoderTestPsnrDb", psnr);
                report.put("classifierTestAccuracy", acc);
                System.out.printf(Locale.ROOT, "autoencoder test reconstruction PSNR %.2f dB; classifier test "
                        + "accuracy %.4f%n", psnr, acc);
            }
            report.put("samples", samples(t2i, test, samples));
            Model receiver = Files.exists(weights.resolve("receiver." + WeightsManifest.FILE))
                    ? Weights.load(weights, "receiver", sizes.denoiser()) : null;
            List<Map<String, Object>> table;
            try (receiver) {
                table = table(t2i, receiver == null ? null : t2i.withReceiver(receiver),
                        tableSamples != null ? tableSamples : 20, out);
            }
            report.put("table", table);
            report.put("claims", claims(table));
            report.put("weights", Map.of("denoiser", WeightsManifest.verify(weights, "denoiser").sha256()));
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("eval.json").toFile(),
                report);
        System.out.println("wrote " + out.resolve("eval.json"));
    }

    /** Semantic accuracy and Fréchet distance of n 20-step samples (no channel), prompts cycling over classes. */
    static Map<String, Object> samples(TextToImage t2i, FashionMnist.Split test, int n) {
        int hits = 0;
        float[][] generated = new float[n][];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String prompt = FashionMnist.PROMPTS.get(i % 10);
            var t = t2i.trajectory(prompt, 1000 + i, TOTAL_STEPS);
            float[] img = t2i.decode(t.latents()[TOTAL_STEPS]);
            hits += t2i.judge(img, img, prompt).semanticHit() ? 1 : 0;
            generated[i] = t2i.features(img);
        }
        float[][] real = new float[Math.min(2000, test.size())][];
        for (int i = 0; i < real.length; i++) {
            real[i] = t2i.features(test.images()[i]);
        }
        double fd = FrechetDistance.of(generated, real);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("semanticAccuracy", hits / (double) n);
        m.put("frechetDistance", fd);
        m.put("realImagesForFrechet", real.length);
        System.out.printf(Locale.ROOT, "%d samples of 20 steps: semantic accuracy %.3f, Fréchet distance %.3f "
                + "(classifier features, vs %d test images) in %.0f s%n", n, hits / (double) n, fd, real.length,
                (System.nanoTime() - start) / 1e9);
        return m;
    }

    /**
     * The SNR × a × channel table; also writes the Fig. 4-style grids. With {@code trained} (a view of {@code t2i}
     * whose device runs a trained receiver, or null), SemAIGC's cells are also computed with it
     * ({@code semaigc-receiver}), on the same requests.
     */
    static List<Map<String, Object>> table(TextToImage t2i, TextToImage trained, int n, Path out)
            throws IOException {
        // cell key -> sums of psnr, ssim, semantic, lost
        Map<String, double[]> sums = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String prompt = FashionMnist.PROMPTS.get(i % 10);
            long seed = 5000 + i;
            var t = t2i.trajectory(prompt, seed, TOTAL_STEPS);
            float[] ref = t2i.decode(t.latents()[TOTAL_STEPS]);
            List<float[]> gridRows = new ArrayList<>();
            for (TensorChannel.Kind kind : TensorChannel.Kind.values()) {
                // Local AIGC sends nothing: its image is the clean generation, judged by the classifier as the
                // worker pool judges it (the same at every SNR and channel: one row per channel)
                add(sums, key("local-aigc", "NONE", kind, 0.0, TOTAL_STEPS), t2i.judge(ref, ref, prompt), false);
                for (double snr : SNRS_DB) {
                    for (TextToImage.Transmission tr : LATENT_TRANSMISSIONS) {
                        for (int a : SPLITS) {
                            for (boolean fine : new boolean[] {true, false}) {
                                if (!fine && a < TOTAL_STEPS) {
                                    continue; // the plain receiver is the Non-fine-tuning framework (a = T̂)
                                }
                                var r = new TextToImage.Request(prompt, seed, a, TOTAL_STEPS, fine, tr, kind, snr);
                                float[] img = t2i.deliver(r, t.latents()[a], t.steps()[a]);
                                add(sums, key(fine ? "semaigc" : "non-fine-tuning", tr.name(), kind, snr, a),
                                        t2i.judge(img, ref, prompt), false);
                                if (fine && trained != null) {
                                    add(sums, key("semaigc-receiver", tr.name(), kind, snr, a), t2i.judge(
                                            trained.deliver(r, t.latents()[a], t.steps()[a]), ref, prompt), false);
                                }
                                if (i == 0 && kind == TensorChannel.Kind.AWGN && tr == TextToImage.Transmission.ANALOG
                                        && (a == 10 && fine || !fine)) {
                                    gridRows.add(img);
                                }
                            }
                        }
                    }
                    var digital = t2i.finish(new TextToImage.Request(prompt, seed, TOTAL_STEPS, TOTAL_STEPS, false,
                            TextToImage.Transmission.DIGITAL, kind, snr), null, t.latents()[TOTAL_STEPS]);
                    add(sums, key("edge-aigc", "DIGITAL", kind, snr, TOTAL_STEPS), digital, digital.lost());
                    if (i == 0 && kind == TensorChannel.Kind.AWGN) {
                        gridRows.add(digital.lost() ? null : digital.image());
                        gridRows.add(ref);
                    }
                }
            }
            if (i == 0) {
                writeGrid(out.resolve("grid-awgn.png"), gridRows, 4);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "table: %d of %d prompt and seed pairs (%.0f s, ~%.0f s left)%n", i + 1, n,
                    elapsed, elapsed / (i + 1) * (n - i - 1));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        System.out.println("framework        transmission channel   SNR dB   a   PSNR dB   SSIM    semantic  lost");
        for (var e : sums.entrySet()) {
            String[] k = e.getKey().split("\\|");
            double[] v = e.getValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("framework", k[0]);
            row.put("transmission", k[1]);
            row.put("channel", k[2]);
            row.put("snrDb", Double.parseDouble(k[3]));
            row.put("edgeSteps", Integer.parseInt(k[4]));
            row.put("psnrDb", v[0] / v[4]);
            row.put("ssim", v[1] / v[4]);
            row.put("semanticAccuracy", v[2] / v[4]);
            row.put("lostRate", v[3] / v[4]);
            row.put("n", (int) v[4]);
            rows.add(row);
            System.out.printf(Locale.ROOT, "%-16s %-12s %-9s %6.1f %3s %8.2f %7.3f %8.3f %6.2f%n", k[0], k[1], k[2],
                    Double.parseDouble(k[3]), k[4], v[0] / v[4], v[1] / v[4], v[2] / v[4], v[3] / v[4]);
        }
        System.out.printf(Locale.ROOT, "table: %d prompts x seeds, %.0f s%n", n, (System.nanoTime() - start) / 1e9);
        return rows;
    }

    /** The seeds' claims, as numbers read off the table (mean PSNR over the named cells). */
    static Map<String, Object> claims(List<Map<String, Object>> table) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (String ch : new String[] {"awgn", "rayleigh"}) {
            double fine = mean(table, "semaigc", "analog", ch, -99, 3, 10, "psnrDb");
            double nft = mean(table, "non-fine-tuning", "analog", ch, -99, 3, 20, "psnrDb");
            c.put(ch + ": fine-tuning (a=10) vs Non-fine-tuning PSNR at SNR <= 3 dB", List.of(fine, nft, fine > nft));
            double hi = mean(table, "semaigc", "analog", ch, 15, 15, 10, "psnrDb");
            double lo = mean(table, "semaigc", "analog", ch, -6, -6, 10, "psnrDb");
            double lostHi = mean(table, "edge-aigc", "digital", ch, 15, 15, 20, "lostRate");
            double lostLo = mean(table, "edge-aigc", "digital", ch, -6, -6, 20, "lostRate");
            c.put(ch + ": SemAIGC analog PSNR at 15 dB and -6 dB; digital lost rate at 15 dB and -6 dB",
                    List.of(hi, lo, lostHi, lostLo));
            if (table.stream().anyMatch(r -> r.get("framework").equals("semaigc-receiver"))) {
                for (String tr : new String[] {"analog", "jscc"}) {
                    double low = mean(table, "semaigc-receiver", tr, ch, -99, 3, 10, "psnrDb");
                    double matchLow = mean(table, "semaigc", tr, ch, -99, 3, 10, "psnrDb");
                    double all = meanOverSplits(table, "semaigc-receiver", tr, ch, "psnrDb");
                    double matchAll = meanOverSplits(table, "semaigc", tr, ch, "psnrDb");
                    c.put(ch + " " + tr + ": trained receiver vs step matching alone, PSNR at a=10 and SNR <= 3 dB; "
                            + "over every SNR and a < T-hat", List.of(low, matchLow, all, matchAll));
                    c.put(ch + " " + tr + ": trained receiver vs step matching alone, semantic accuracy over every "
                            + "SNR and a < T-hat", List.of(meanOverSplits(table, "semaigc-receiver", tr, ch,
                            "semanticAccuracy"), meanOverSplits(table, "semaigc", tr, ch, "semanticAccuracy")));
                }
            }
            double jscc = mean(table, "non-fine-tuning", "jscc", ch, -99, 99, 20, "psnrDb");
            double analog = mean(table, "non-fine-tuning", "analog", ch, -99, 99, 20, "psnrDb");
            c.put(ch + ": JSCC vs analog latent PSNR at equal bandwidth (a=T-hat, all SNRs)",
                    List.of(jscc, analog, jscc > analog));
        }
        c.forEach((k, v) -> System.out.println("claim " + k + ": " + v));
        return c;
    }

    private static double mean(List<Map<String, Object>> table, String framework, String transmission,
            String channel, double snrLow, double snrHigh, int a, String field) {
        return table.stream().filter(r -> r.get("framework").equals(framework)
                && r.get("transmission").equals(transmission) && r.get("channel").equals(channel)
                && (double) r.get("snrDb") >= snrLow && (double) r.get("snrDb") <= snrHigh
                && (int) r.get("edgeSteps") == a).mapToDouble(r -> (double) r.get(field)).average()
                .orElse(Double.NaN);
    }

    /** The mean of a field over every SNR and every split a < T̂ (where the device runs steps). */
    private static double meanOverSplits(List<Map<String, Object>> table, String framework, String transmission,
            String channel, String field) {
        return table.stream().filter(r -> r.get("framework").equals(framework)
                && r.get("transmission").equals(transmission) && r.get("channel").equals(channel)
                && (int) r.get("edgeSteps") < TOTAL_STEPS).mapToDouble(r -> (double) r.get(field)).average()
                .orElse(Double.NaN);
    }

    private static String key(String framework, String transmission, TensorChannel.Kind kind, double snr, int a) {
        return framework + "|" + transmission.toLowerCase(Locale.ROOT) + "|" + kind.name().toLowerCase(Locale.ROOT)
                + "|" + snr + "|" + a;
    }

    private static void add(Map<String, double[]> sums, String key, TextToImage.Output o, boolean lost) {
        double[] v = sums.computeIfAbsent(key, k -> new double[5]);
        v[0] += Math.min(o.psnrDb(), 100);
        v[1] += o.ssim();
        v[2] += o.semanticHit() ? 1 : 0;
        v[3] += lost ? 1 : 0;
        v[4] += 1;
    }

    /** Rows of {@code cols} images each (null: lost, drawn black), 32×32 scaled ×3, 2-pixel gaps. */
    static void writeGrid(Path file, List<float[]> cells, int cols) throws IOException {
        int scale = 3;
        int side = FashionMnist.SIDE * scale;
        int rows = (cells.size() + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * (side + 2), rows * (side + 2), BufferedImage.TYPE_BYTE_GRAY);
        for (int c = 0; c < cells.size(); c++) {
            float[] cell = cells.get(c);
            int ox = (c % cols) * (side + 2);
            int oy = (c / cols) * (side + 2);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    float v = cell == null ? -1f : cell[(y / scale) * FashionMnist.SIDE + x / scale];
                    img.getRaster().setSample(ox + x, oy + y, 0,
                            (int) Math.round((Math.max(-1, Math.min(1, v)) + 1) * 127.5));
                }
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }
}
