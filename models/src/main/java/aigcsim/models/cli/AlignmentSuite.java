package aigcsim.models.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import aigcsim.core.metrics.PairedDifference;
import aigcsim.core.quality.KnowledgeTable;
import aigcsim.models.channel.LinkChannel;
import aigcsim.models.nn.LinkAdapters;
import aigcsim.models.nn.LinkCodec;
import aigcsim.models.nn.LinkJscc;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.LinkTraining;
import aigcsim.models.training.ModelSizes;
import aigcsim.models.weights.Weights;
import aigcsim.models.weights.WeightsManifest;

/**
 * The knowledge-alignment part of {@code aigcsim models eval --suite link} (DeKA-g Figs. 9 and 10): the codec of
 * latents pretrained under one condition and sent as it is (No-KA), aligned to the target conditions by a LoRA
 * package, by a CALA package and by fine-tuning all of it, and the two packages rounded to 16, 8, 4 and 2 bits; with
 * the bundled codec, trained across conditions, for reference. Every variant sends the link suite's edge-generated
 * latents under the target conditions (OFDM at each of {@link LinkTraining#ALIGNMENT_DELAY_SPREADS_S}, every SNR and
 * rate), a sample seeing the same channel draw under every variant. Writes {@code alignment.csv}, two charts and
 * {@code knowledge.csv} (the simulator's knowledge table, bundled in sim-core); returns the rows, each variant's
 * size and the claims, with paired differences over the samples.
 */
final class AlignmentSuite {
    /** One aligned (or not) codec: its method, the precision of its package, what it trains and sends. */
    record Variant(String method, int bits, long trainableParameters, long bytes, LinkCodec codec,
            NDManager manager) {
        String label() {
            return AlignmentSuite.label(method, bits);
        }
    }

    /** The variants' methods: the comparison of Fig. 10 and the reference. */
    static final String NO_KA = "no-ka";
    static final String LORA = "lora";
    static final String CALA = "cala";
    static final String FULL = "full-ft";
    static final String ACROSS = "trained-across";
    static final int[] PACKAGE_BITS = {16, 8, 4, 2};
    /** The precision the packages are trained and stored at. */
    static final int STORED_BITS = LinkAdapters.STORED_BITS;
    /** Channel numbers of the target conditions' seeds, apart from the link suite's. */
    private static final int SEED_CHANNEL_OFFSET = 10;

    private AlignmentSuite() {
    }

    /** Mean PSNR against size (kB) of some variants, smallest first. */
    private static LineChart.Series sizeSeries(String name, List<Variant> vs, List<Map<String, Object>> rows,
            boolean dashed, int colour) {
        List<Variant> sorted = vs.stream().sorted(Comparator.comparingLong(Variant::bytes)).toList();
        return new LineChart.Series(name, sorted.stream().mapToDouble(v -> v.bytes() / 1e3).toArray(),
                sorted.stream().mapToDouble(v -> mean(rows, v.label(), "psnrDb")).toArray(), null, dashed, colour);
    }

    /** A variant's name in the rows: its method, with the precision of its package when rounded. */
    static String label(String method, int bits) {
        return bits == STORED_BITS ? method : method + "-" + bits + "bit";
    }

    /** Whether {@code weights} has the alignment components (the misaligned codec and its three alignments). */
    static boolean trained(Path weights) {
        return ModelsTrain.ALIGNMENT.stream().allMatch(c -> Files.exists(weights.resolve(c + "."
                + WeightsManifest.FILE)));
    }

    /**
     * Loads the alignment components from {@code weights} (verified), with {@code across} (the codec trained across
     * conditions) for reference, and runs {@link #measure} on them.
     */
    static Map<String, Object> run(TextToImage t2i, Path weights, ModelSizes sizes, LinkJscc across,
            NDManager acrossManager, LinkSuite.Samples samples, Path out) throws IOException {
        List<Model> opened = new ArrayList<>();
        try {
            Model mt = open(opened, weights, "link-jscc-mt", sizes.linkJscc());
            LinkJscc base = (LinkJscc) mt.getBlock();
            List<Variant> variants = new ArrayList<>();
            variants.add(new Variant(NO_KA, STORED_BITS, 0, 0, base, mt.getNDManager()));
            for (String method : new String[] {LORA, CALA}) {
                for (String component : packages(weights, method)) {
                    int rank = ((Number) WeightsManifest.verify(weights, component).architecture()
                            .get(ModelsTrain.RANK_KEY)).intValue();
                    // the package of the default rank at every precision, packages of other ranks at 32 and 16 bits
                    boolean main = component.equals("link-jscc-" + method);
                    for (int bits : main ? new int[] {STORED_BITS, 16, 8, 4, 2} : new int[] {STORED_BITS, 16}) {
                        Model m = open(opened, weights, component, new LinkAdapters(base, rank, method.equals(CALA)));
                        LinkAdapters a = (LinkAdapters) m.getBlock();
                        variants.add(new Variant(main ? method : method + "-r" + rank, bits, a.parameters(),
                                a.quantize(bits), a, m.getNDManager()));
                    }
                }
            }
            Model ft = open(opened, weights, "link-jscc-ft", sizes.linkJscc());
            long all = LinkAdapters.count(ft.getBlock());
            variants.add(new Variant(FULL, STORED_BITS, all, 4 * all, (LinkJscc) ft.getBlock(), ft.getNDManager()));
            variants.add(new Variant(ACROSS, STORED_BITS, 0, 0, across, acrossManager));
            return measure(t2i, variants, samples, out);
        } finally {
            opened.forEach(Model::close);
        }
    }

    /**
     * The packages of {@code method} in {@code weights}: the one of the default rank, then those of other ranks
     * ({@code models train link-jscc-cala --rank R}), by rank.
     */
    private static List<String> packages(Path weights, String method) throws IOException {
        Pattern other = Pattern.compile("link-jscc-" + method + "-r(\\d+)\\." + Pattern.quote(WeightsManifest.FILE));
        List<String> found = new ArrayList<>(List.of("link-jscc-" + method));
        try (Stream<Path> files = Files.list(weights)) {
            files.map(f -> other.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .sorted(Comparator.comparingInt(mt -> Integer.parseInt(mt.group(1))))
                    .forEach(mt -> found.add(ModelsTrain.packageName("link-jscc-" + method,
                            Integer.parseInt(mt.group(1)))));
        }
        return found;
    }

    private static Model open(List<Model> opened, Path weights, String component, Block block) {
        Model m = Weights.load(weights, component, block);
        opened.add(m);
        return m;
    }

    /**
     * Sends the samples through every variant under the target conditions; writes {@code alignment.csv} and the
     * charts into {@code out}; returns the report. The variants include one of each method of Fig. 10, LoRA and CALA
     * also at each of {@link #PACKAGE_BITS}.
     */
    static Map<String, Object> measure(TextToImage t2i, List<Variant> variants, LinkSuite.Samples samples, Path out)
            throws IOException {
        long start = System.nanoTime();
        int n = samples.size();
        Map<String, LinkSuite.Cell> cells = new LinkedHashMap<>();
        List<LinkChannel> channels = LinkTraining.alignmentChannels();
        for (Variant v : variants) {
            for (int c = 0; c < channels.size(); c++) {
                LinkChannel ch = channels.get(c);
                long[] seeds = LinkSuite.seeds(n, SEED_CHANNEL_OFFSET + c);
                for (double snr : LinkSuite.SNRS_DB) {
                    for (int kept = 1; kept <= LinkJscc.CHANNELS; kept++) {
                        float[][] rec = v.codec().transmit(v.manager(), samples.latents(), snr, kept, ch, seeds);
                        double bits = (double) LinkJscc.QAM_BITS * LinkJscc.channelUses(kept);
                        for (int i = 0; i < n; i++) {
                            LinkSuite.cell(cells, v.label(), ch, snr, kept).add(t2i.judge(t2i.decode(rec[i]),
                                    samples.refs()[i], samples.prompts()[i]), bits);
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "alignment: %s done (%.0f s)%n", v.label(),
                    (System.nanoTime() - start) / 1e9);
        }
        List<Map<String, Object>> rows = LinkSuite.rows(cells);
        LinkSuite.writeCsv(out.resolve("alignment.csv"), rows);
        writeKnowledgeTable(out.resolve("knowledge.csv"), rows, variants, n);
        Map<String, Object> report = new LinkedHashMap<>();
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (Variant v : variants) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("variant", v.label());
            s.put("trainableParameters", v.trainableParameters());
            s.put("bytes", v.bytes());
            s.put("meanPsnrDb", mean(rows, v.label(), "psnrDb"));
            s.put("meanSemanticAccuracy", mean(rows, v.label(), "semanticAccuracy"));
            sizes.add(s);
        }
        report.put("variants", sizes);
        report.put("rows", rows);
        report.put("claims", claims(cells, variants, n));
        report.put("charts", charts(rows, variants, out).stream().map(p -> p.getFileName().toString()).toList());
        System.out.printf(Locale.ROOT, "alignment: %d cells in %.0f s; wrote alignment.csv%n", rows.size(),
                (System.nanoTime() - start) / 1e9);
        return report;
    }

    /**
     * The simulator's knowledge table (sim-core's {@code KnowledgeTable}): each package (every variant but the
     * reference) with its size and, by SNR, its figures at the full rate averaged over the target delay spreads.
     */
    private static void writeKnowledgeTable(Path file, List<Map<String, Object>> rows, List<Variant> variants, int n)
            throws IOException {
        int full = LinkJscc.channelUses(LinkJscc.CHANNELS);
        StringBuilder sb = new StringBuilder("# written by aigcsim models eval --suite link: the link codec's quality "
                + "at the full rate under the alignment's target conditions (OFDM at 10 and 1000 ns)\n")
                .append(KnowledgeTable.HEADER).append('\n');
        for (Variant v : variants) {
            if (v.method().equals(ACROSS)) {
                continue;
            }
            for (double snr : LinkSuite.SNRS_DB) {
                var sel = rows.stream().filter(r -> r.get("scheme").equals(v.label()) && (double) r.get("snrDb") == snr
                        && (int) r.get("channelUses") == full).toList();
                sb.append(String.format(Locale.ROOT, "%s,%d,%.1f,%d,%.4f,%.4f,%.4f%n", v.label(), v.bytes(), snr,
                        n * sel.size(), avg(sel, "psnrDb"), avg(sel, "ssim"), avg(sel, "semanticAccuracy")));
            }
        }
        Files.writeString(file, sb.toString());
    }

    private static double avg(List<Map<String, Object>> rows, String field) {
        return rows.stream().mapToDouble(r -> ((Number) r.get(field)).doubleValue()).average().orElse(Double.NaN);
    }

    /** A variant's field averaged over every target cell (channel, SNR, rate). */
    private static double mean(List<Map<String, Object>> rows, String label, String field) {
        return avg(rows.stream().filter(r -> r.get("scheme").equals(label)).toList(), field);
    }

    /** Each sample's PSNR averaged over every target cell of a variant. */
    private static double[] perSample(Map<String, LinkSuite.Cell> cells, String label, int n) {
        double[] s = new double[n];
        int count = 0;
        for (var e : cells.entrySet()) {
            if (e.getKey().startsWith(label + "|")) {
                for (int i = 0; i < n; i++) {
                    s[i] += e.getValue().psnr.get(i);
                }
                count++;
            }
        }
        for (int i = 0; i < n; i++) {
            s[i] /= count;
        }
        return s;
    }

    /** The mean of a − b over the samples and its 95 % paired-t half-width. */
    private static List<Double> paired(double[] a, double[] b) {
        PairedDifference d = PairedDifference.of(b, a);
        return List.of(d.mean(), d.halfWidth95());
    }

    private static Map<String, Object> claims(Map<String, LinkSuite.Cell> cells, List<Variant> variants, int n) {
        Map<String, Object> c = new LinkedHashMap<>();
        Map<String, Variant> byLabel = new LinkedHashMap<>();
        variants.forEach(v -> byLabel.put(v.label(), v));
        double[] noKa = perSample(cells, NO_KA, n);
        double[] lora = perSample(cells, LORA, n);
        double[] cala = perSample(cells, CALA, n);
        double[] full = perSample(cells, FULL, n);
        c.put("PSNR of CALA minus No-KA, dB, mean and 95 % half-width over the samples (Fig. 10: +6.5 dB)",
                paired(cala, noKa));
        c.put("PSNR of CALA minus LoRA, dB (Fig. 10: +1.2 dB)", paired(cala, lora));
        c.put("PSNR of full fine-tuning minus CALA, dB (Fig. 10: 0.8 dB)", paired(full, cala));
        c.put("PSNR of LoRA minus No-KA, dB", paired(lora, noKa));
        c.put("CALA's trainable parameters as a share of full fine-tuning's (Fig. 10: about 1 %)",
                LinkSuite.fmt(100.0 * byLabel.get(CALA).trainableParameters()
                        / byLabel.get(FULL).trainableParameters()) + " %");
        for (String method : new String[] {LORA, CALA}) {
            double[] stored = perSample(cells, method, n);
            List<Object> v = new ArrayList<>();
            for (int bits : PACKAGE_BITS) {
                String label = label(method, bits);
                v.add(bits + " bits: " + byLabel.get(label).bytes() + " bytes, PSNR change "
                        + LinkSuite.fmt(paired(perSample(cells, label, n), stored).get(0)) + " dB");
            }
            c.put(method + " package rounded (Fig. 9): size and PSNR change against 32 bits", v);
        }
        for (Variant v : variants) {
            if (v.bits() == 16 && v.method().matches("(lora|cala)-r\\d+")) {
                String method = v.method().replaceAll("-r\\d+$", "");
                Variant rounded = closestInSize(variants, method, v.bytes());
                c.put(String.format(Locale.ROOT, "%s rank %d rounded to %d bits (%d bytes) minus %s at 16 bits (%d "
                        + "bytes): PSNR, dB (Fig. 9: lowering the precision beats lowering the rank)", method,
                        LinkAdapters.RANK, rounded.bits(), rounded.bytes(), v.method(), v.bytes()),
                        paired(perSample(cells, rounded.label(), n), perSample(cells, v.label(), n)));
            }
        }
        c.forEach((k, v) -> System.out.println("claim " + k + ": " + v));
        return c;
    }

    /** The variant of the default rank's package of {@code method}, rounded, closest in size to {@code bytes}. */
    private static Variant closestInSize(List<Variant> variants, String method, long bytes) {
        return variants.stream().filter(v -> v.method().equals(method) && v.bits() < STORED_BITS)
                .min(Comparator.comparingLong(v -> Math.abs(v.bytes() - bytes))).orElseThrow();
    }

    private static List<Path> charts(List<Map<String, Object>> rows, List<Variant> variants, Path out)
            throws IOException {
        List<String> methods = List.of(NO_KA, LORA, CALA, FULL, ACROSS);
        List<LineChart.Series> bySnr = new ArrayList<>();
        for (String method : methods) {
            double[] y = new double[LinkSuite.SNRS_DB.length];
            for (int s = 0; s < y.length; s++) {
                double snr = LinkSuite.SNRS_DB[s];
                y[s] = avg(rows.stream().filter(r -> r.get("scheme").equals(method) && (double) r.get("snrDb") == snr)
                        .toList(), "psnrDb");
            }
            bySnr.add(new LineChart.Series(method, LinkSuite.SNRS_DB, y, null, method.equals(ACROSS),
                    methods.indexOf(method)));
        }
        Path snrChart = out.resolve("alignment-snr.png");
        LineChart.write(snrChart, "Knowledge alignment: PSNR against SNR, OFDM 10 and 1000 ns, mean over rates",
                "SNR (dB)", "PSNR (dB)", bySnr);
        List<LineChart.Series> bySize = new ArrayList<>();
        double largest = variants.stream().filter(v -> v.method().startsWith(LORA) || v.method().startsWith(CALA))
                .mapToLong(Variant::bytes).max().orElse(1) / 1e3;
        for (String method : methods) {
            List<Variant> rounded = variants.stream().filter(v -> v.method().equals(method)).toList();
            if (method.equals(LORA) || method.equals(CALA)) {
                bySize.add(sizeSeries(method + " rank " + LinkAdapters.RANK + ", 32 to 2 bits", rounded, rows, false,
                        methods.indexOf(method)));
                List<Variant> ranks = variants.stream().filter(v -> v.bits() == 16 && (v.method().equals(method)
                        || v.method().startsWith(method + "-r"))).toList();
                if (ranks.size() > 1) {
                    bySize.add(sizeSeries(method + " by rank, 16 bits", ranks, rows, true, methods.indexOf(method)));
                }
            } else {
                double level = mean(rows, method, "psnrDb");
                bySize.add(new LineChart.Series(method, new double[] {0, largest}, new double[] {level, level}, null,
                        true, methods.indexOf(method)));
            }
        }
        Path bitsChart = out.resolve("alignment-bits.png");
        LineChart.write(bitsChart, "Knowledge alignment: mean PSNR against the package's size",
                "package size (kB)", "PSNR (dB)", bySize);
        return List.of(snrChart, bitsChart);
    }
}
