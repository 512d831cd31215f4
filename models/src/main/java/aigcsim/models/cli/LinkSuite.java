package aigcsim.models.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.ndarray.NDManager;
import aigcsim.core.sim.Defaults;
import aigcsim.models.channel.DigitalImageLink;
import aigcsim.models.channel.LatentLdpc;
import aigcsim.models.channel.LinkChannel;
import aigcsim.models.data.FashionMnist;
import aigcsim.models.nn.LinkJscc;
import aigcsim.models.pipeline.TextToImage;
import aigcsim.models.training.LinkTraining;

/**
 * {@code aigcsim models eval --suite link}: the link level of DeKA-g and of "Semantic Successive Refinement" (GSC).
 * Edge-generated latents (20-step samples, prompts cycling over the classes) and their decoded images are sent at
 * equal channel uses by the link-level JSCC codec of latents (64-QAM, truncated to the rate), DeepJSCC (the same on
 * the image), Latent-LDPC and JPEG-LDPC, and at the full rate by GSC (the codec's received latent refined by
 * {@value Defaults#GSC_REFINEMENT_STEPS} denoising steps from the step matched to its residual error), over AWGN, flat
 * Rayleigh and OFDM at two delay spreads, at each SNR and rate. Each delivered image is judged against the decoded
 * sent latent (PSNR, SSIM) and by the classifier against its prompt (semantic accuracy). A sample sees the same
 * channel draw under every scheme and rate (common random numbers). Writes {@code link.csv}, {@code link.json} (rows
 * and the claims read off them) and PNG charts: PSNR against rate at three SNRs with the two delay spreads' standard
 * deviations (DeKA-g Fig. 13), PSNR against bits per pixel (Fig. 12), PSNR and semantic accuracy against SNR at the
 * full rate (GSC's Fig. 4).
 */
final class LinkSuite {
    static final double[] SNRS_DB = {-5, 0, 5, 10, 15, 20};
    /** The SNRs of the PSNR-against-rate charts. */
    static final double[] RATE_CHART_SNRS_DB = {0, 10, 20};
    static final double[] DELAY_SPREADS_S = {30e-9, 300e-9};
    static final List<String> SCHEMES = List.of("jscc", "gsc", "deep-jscc", "latent-ldpc", "jpeg-ldpc");
    /** The schemes sent at every rate (GSC only at the full rate: its refinement costs denoising steps). */
    static final List<String> RATE_SCHEMES = List.of("jscc", "deep-jscc", "latent-ldpc", "jpeg-ldpc");
    /** Latents, apart from the measured ones, on which GSC's receiver learns its codec's residual error per cell. */
    static final int CALIBRATION_SAMPLES = 50;
    private static final int TOTAL_STEPS = TextToImage.TOTAL_STEPS;
    private static final int PIXELS = FashionMnist.SIDE * FashionMnist.SIDE;

    /** One cell's sums. */
    static final class Cell {
        final List<Double> psnr = new ArrayList<>();
        double ssim;
        int semantic;
        int lost;
        double bits;

        void add(TextToImage.Output o, double sentBits) {
            psnr.add(Math.min(o.psnrDb(), 100));
            ssim += o.ssim();
            semantic += o.semanticHit() ? 1 : 0;
            lost += o.lost() ? 1 : 0;
            bits += sentBits;
        }
    }

    private LinkSuite() {
    }

    static List<LinkChannel> channels() {
        List<LinkChannel> c = new ArrayList<>(List.of(LinkChannel.awgn(), LinkChannel.rayleigh()));
        for (double tau : DELAY_SPREADS_S) {
            c.add(LinkChannel.ofdm(LinkTraining.band(tau)));
        }
        return c;
    }

    /** The edge-generated latents the suite sends, their decoded images (the references) and their prompts. */
    record Samples(float[][] latents, float[][] refs, String[] prompts) {
        int size() {
            return latents.length;
        }
    }

    /** {@code n} 20-step latents generated at the edge (prompts cycling over the classes, seeds 7000 + i). */
    static Samples samples(TextToImage t2i, int n) {
        long start = System.nanoTime();
        float[][] latents = new float[n][];
        float[][] refs = new float[n][];
        String[] prompts = new String[n];
        for (int i = 0; i < n; i++) {
            prompts[i] = FashionMnist.PROMPTS.get(i % 10);
            latents[i] = t2i.trajectory(prompts[i], 7000 + i, TOTAL_STEPS).latents()[TOTAL_STEPS];
            refs[i] = t2i.decode(latents[i]);
        }
        System.out.printf(Locale.ROOT, "link suite: %d samples generated in %.0f s%n", n,
                (System.nanoTime() - start) / 1e9);
        return new Samples(latents, refs, prompts);
    }

    /**
     * Runs the suite on {@code samples} with the latent codec {@code codec} and the image codec {@code deep} (each
     * with its model's manager); writes its files into {@code out}; returns the report.
     */
    static Map<String, Object> run(TextToImage t2i, LinkJscc codec, NDManager manager, LinkJscc deep,
            NDManager deepManager, Samples samples, Path out) throws IOException {
        long start = System.nanoTime();
        int n = samples.size();
        float[][] latents = samples.latents();
        float[][] refs = samples.refs();
        String[] prompts = samples.prompts();
        float[][] calibration = new float[CALIBRATION_SAMPLES][];
        long[] calibrationSeeds = new long[CALIBRATION_SAMPLES];
        for (int i = 0; i < CALIBRATION_SAMPLES; i++) {
            calibration[i] = t2i.trajectory(FashionMnist.PROMPTS.get(i % 10), 8000 + i, TOTAL_STEPS)
                    .latents()[TOTAL_STEPS];
            calibrationSeeds[i] = 8000L * 1_000_003L + i;
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        List<LinkChannel> channels = channels();
        for (int c = 0; c < channels.size(); c++) {
            LinkChannel ch = channels.get(c);
            long[] seeds = seeds(n, c);
            for (double snr : SNRS_DB) {
                for (int kept = 1; kept <= LinkJscc.CHANNELS; kept++) {
                    int uses = LinkJscc.channelUses(kept);
                    double codecBits = (double) LinkJscc.QAM_BITS * uses;
                    float[][] rec = codec.transmit(manager, latents, snr, kept, ch, seeds);
                    float[][] images = deep.transmit(deepManager, refs, snr, kept, ch, seeds);
                    double residual = kept == LinkJscc.CHANNELS ? Evaluation.mse(codec.transmit(manager,
                            calibration, snr, kept, ch, calibrationSeeds), calibration) : Double.NaN;
                    for (int i = 0; i < n; i++) {
                        cell(cells, "jscc", ch, snr, kept).add(t2i.judge(t2i.decode(rec[i]), refs[i], prompts[i]),
                                codecBits);
                        cell(cells, "deep-jscc", ch, snr, kept).add(t2i.judge(images[i], refs[i], prompts[i]),
                                codecBits);
                        if (kept == LinkJscc.CHANNELS) {
                            float[] refined = t2i.refine(rec[i], residual, Defaults.GSC_REFINEMENT_STEPS, prompts[i]);
                            cell(cells, "gsc", ch, snr, kept).add(t2i.judge(t2i.decode(refined), refs[i],
                                    prompts[i]), codecBits);
                        }
                        LatentLdpc.Delivery l = LatentLdpc.send(latents[i], snr, uses, ch, seeds[i]);
                        cell(cells, "latent-ldpc", ch, snr, kept).add(t2i.judge(l.lost() ? null
                                : t2i.decode(l.latent()), refs[i], prompts[i]),
                                (double) l.bitsPerValue() * latents[i].length);
                        DigitalImageLink.Delivery d = DigitalImageLink.send(refs[i], FashionMnist.SIDE, snr, uses, ch,
                                seeds[i]);
                        cell(cells, "jpeg-ldpc", ch, snr, kept).add(t2i.judge(d.image(), refs[i], prompts[i]),
                                d.scanBits());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "link suite: %s done (%.0f s)%n", ch.label(),
                    (System.nanoTime() - start) / 1e9);
        }
        List<Map<String, Object>> rows = rows(cells);
        Files.createDirectories(out);
        writeCsv(out.resolve("link.csv"), rows);
        List<Path> charts = charts(rows, out);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("samples", n);
        report.put("pixels", PIXELS);
        report.put("rows", rows);
        report.put("claims", claims(rows));
        report.put("charts", charts.stream().map(p -> p.getFileName().toString()).toList());
        System.out.printf(Locale.ROOT, "link suite: %d cells in %.0f s; wrote link.csv and %d charts in %s%n",
                rows.size(), (System.nanoTime() - start) / 1e9, charts.size(), out);
        return report;
    }

    /** The channel seeds of n samples on channel number c: each sample its own draw, the same under every scheme. */
    static long[] seeds(int n, int c) {
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = 7000L * 1_000_003L + 31L * i + c;
        }
        return seeds;
    }

    static Cell cell(Map<String, Cell> cells, String scheme, LinkChannel ch, double snr, int kept) {
        return cells.computeIfAbsent(scheme + "|" + ch.label() + "|" + snr + "|" + kept, k -> new Cell());
    }

    static List<Map<String, Object>> rows(Map<String, Cell> cells) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var e : cells.entrySet()) {
            String[] k = e.getKey().split("\\|");
            Cell c = e.getValue();
            int n = c.psnr.size();
            double mean = c.psnr.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double var = c.psnr.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, n - 1);
            int kept = Integer.parseInt(k[3]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scheme", k[0]);
            row.put("channel", k[1]);
            row.put("snrDb", Double.parseDouble(k[2]));
            row.put("rate", LinkJscc.channelUses(kept) / (double) PIXELS);
            row.put("channelUses", LinkJscc.channelUses(kept));
            row.put("n", n);
            row.put("psnrDb", mean);
            row.put("psnrStdDb", Math.sqrt(var));
            row.put("ssim", c.ssim / n);
            row.put("semanticAccuracy", c.semantic / (double) n);
            row.put("lostRate", c.lost / (double) n);
            row.put("bpp", c.bits / n / PIXELS);
            rows.add(row);
        }
        return rows;
    }

    static void writeCsv(Path file, List<Map<String, Object>> rows) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", rows.get(0).keySet())).append('\n');
        for (Map<String, Object> r : rows) {
            List<String> f = new ArrayList<>();
            for (Object v : r.values()) {
                f.add(v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(v));
            }
            sb.append(String.join(",", f)).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    static List<Map<String, Object>> select(List<Map<String, Object>> rows, String scheme, String channel,
            Double snrDb) {
        return rows.stream().filter(r -> r.get("scheme").equals(scheme) && r.get("channel").equals(channel)
                && (snrDb == null || (double) r.get("snrDb") == snrDb)).toList();
    }

    static double[] column(List<Map<String, Object>> rows, String field) {
        return rows.stream().mapToDouble(r -> ((Number) r.get(field)).doubleValue()).toArray();
    }

    private static String ofdm(double tau) {
        return LinkChannel.ofdm(LinkTraining.band(tau)).label();
    }

    private static List<Path> charts(List<Map<String, Object>> rows, Path out) throws IOException {
        List<Path> files = new ArrayList<>();
        for (double snr : RATE_CHART_SNRS_DB) {
            List<LineChart.Series> series = new ArrayList<>();
            for (String scheme : RATE_SCHEMES) {
                for (int t = 0; t < DELAY_SPREADS_S.length; t++) {
                    String ch = ofdm(DELAY_SPREADS_S[t]);
                    var sel = select(rows, scheme, ch, snr);
                    series.add(new LineChart.Series(scheme + " " + ch, column(sel, "rate"), column(sel, "psnrDb"),
                            column(sel, "psnrStdDb"), t > 0, SCHEMES.indexOf(scheme)));
                }
            }
            Path f = out.resolve(String.format(Locale.ROOT, "psnr-rate-%.0fdB.png", snr));
            LineChart.write(f, String.format(Locale.ROOT, "PSNR against rate at %.0f dB, OFDM (mean +- std)", snr),
                    "rate (channel uses per pixel)", "PSNR (dB)", series);
            files.add(f);
        }
        List<LineChart.Series> bpp = new ArrayList<>();
        for (double snr : RATE_CHART_SNRS_DB) {
            var sel = select(rows, "jscc", ofdm(DELAY_SPREADS_S[0]), snr);
            bpp.add(new LineChart.Series(String.format(Locale.ROOT, "jscc %.0f dB", snr), column(sel, "bpp"),
                    column(sel, "psnrDb"), null, false, bpp.size()));
        }
        Path f = out.resolve("psnr-bpp.png");
        LineChart.write(f, "JSCC (64-QAM): PSNR against bits per pixel, " + ofdm(DELAY_SPREADS_S[0]),
                "bits per pixel", "PSNR (dB)", bpp);
        files.add(f);
        int full = LinkJscc.channelUses(LinkJscc.CHANNELS);
        for (String field : new String[] {"psnrDb", "semanticAccuracy"}) {
            List<LineChart.Series> series = new ArrayList<>();
            for (String scheme : SCHEMES) {
                for (String ch : new String[] {"awgn", "rayleigh"}) {
                    var sel = select(rows, scheme, ch, null).stream()
                            .filter(r -> (int) r.get("channelUses") == full).toList();
                    series.add(new LineChart.Series(scheme + " " + ch, column(sel, "snrDb"), column(sel, field),
                            null, ch.equals("rayleigh"), SCHEMES.indexOf(scheme)));
                }
            }
            Path g = out.resolve(field.equals("psnrDb") ? "psnr-snr.png" : "semantic-snr.png");
            LineChart.write(g, (field.equals("psnrDb") ? "PSNR" : "Semantic accuracy") + " against SNR at "
                    + full + " channel uses", "SNR (dB)", field.equals("psnrDb") ? "PSNR (dB)" : "semantic accuracy",
                    series);
            files.add(g);
        }
        return files;
    }

    /** The seeds' link-level claims, as numbers read off the rows. */
    static Map<String, Object> claims(List<Map<String, Object>> rows) {
        Map<String, Object> c = new LinkedHashMap<>();
        String small = ofdm(DELAY_SPREADS_S[0]);
        String large = ofdm(DELAY_SPREADS_S[1]);
        for (double snr : RATE_CHART_SNRS_DB) {
            double[] ms = column(select(rows, "jscc", small, snr), "psnrDb");
            double[] ml = column(select(rows, "jscc", large, snr), "psnrDb");
            double[] ss = column(select(rows, "jscc", small, snr), "psnrStdDb");
            double[] sl = column(select(rows, "jscc", large, snr), "psnrStdDb");
            c.put(String.format(Locale.ROOT, "jscc at %.0f dB: mean PSNR over rates at %s and %s; mean std at %s "
                    + "and %s (Fig. 13: a smaller delay spread, a lower mean and a higher std)", snr, small, large,
                    small, large), List.of(mean(ms), mean(ml), mean(ss), mean(sl),
                    mean(ms) < mean(ml) && mean(ss) > mean(sl)));
        }
        for (String other : new String[] {"deep-jscc", "jpeg-ldpc", "latent-ldpc"}) {
            int wins = 0;
            int cellsCounted = 0;
            for (String ch : new String[] {small, large}) {
                var a = select(rows, "jscc", ch, null);
                var b = select(rows, other, ch, null);
                for (int i = 0; i < a.size(); i++) {
                    wins += (double) a.get(i).get("psnrDb") > (double) b.get(i).get("psnrDb") ? 1 : 0;
                    cellsCounted++;
                }
            }
            c.put("OFDM cells (SNR x rate x delay spread) where jscc's PSNR is above " + other,
                    List.of(wins, cellsCounted));
        }
        for (double snr : RATE_CHART_SNRS_DB) {
            var j = select(rows, "jscc", small, snr);
            var l = select(rows, "latent-ldpc", small, snr);
            c.put(String.format(Locale.ROOT, "%s at %.0f dB, lowest and full rate: jscc PSNR, latent-ldpc PSNR", small,
                    snr), List.of(j.get(0).get("psnrDb"), l.get(0).get("psnrDb"), j.get(j.size() - 1).get("psnrDb"),
                    l.get(l.size() - 1).get("psnrDb")));
        }
        for (double snr : RATE_CHART_SNRS_DB) {
            double[] psnr = column(select(rows, "jscc", small, snr), "psnrDb");
            int up = 0;
            for (int i = 1; i < psnr.length; i++) {
                up += psnr[i] > psnr[i - 1] ? 1 : 0;
            }
            c.put(String.format(Locale.ROOT, "jscc at %.0f dB, %s: rate steps where PSNR rises with bpp (Fig. 12)",
                    snr, small), List.of(up, psnr.length - 1));
        }
        int full = LinkJscc.channelUses(LinkJscc.CHANNELS);
        for (String ch : new String[] {"awgn", "rayleigh"}) {
            for (double snr : SNRS_DB) {
                double gsc = fullRate(rows, "gsc", ch, snr, "psnrDb");
                double deepJscc = fullRate(rows, "deep-jscc", ch, snr, "psnrDb");
                double jscc = fullRate(rows, "jscc", ch, snr, "psnrDb");
                c.put(String.format(Locale.ROOT, "%s at %.0f dB, full rate: PSNR of GSC, DeepJSCC, the codec alone; "
                        + "GSC over DeepJSCC (GSC's Fig. 4: +17.75 %% on AWGN, +20.86 %% on Rayleigh at 15 dB); "
                        + "semantic accuracy of GSC, DeepJSCC, the codec alone", ch, snr), List.of(gsc, deepJscc, jscc,
                        fmt(100 * (gsc - deepJscc) / deepJscc) + " %",
                        fullRate(rows, "gsc", ch, snr, "semanticAccuracy"),
                        fullRate(rows, "deep-jscc", ch, snr, "semanticAccuracy"),
                        fullRate(rows, "jscc", ch, snr, "semanticAccuracy")));
            }
        }
        double low = SNRS_DB[0];
        for (String ch : new String[] {"awgn", "rayleigh"}) {
            List<Object> v = new ArrayList<>();
            for (String scheme : SCHEMES) {
                var r = select(rows, scheme, ch, low).stream().filter(x -> (int) x.get("channelUses") == full)
                        .findFirst().orElseThrow();
                v.add(scheme + " psnr " + fmt((double) r.get("psnrDb")) + " lost " + fmt((double) r.get("lostRate")));
            }
            c.put(String.format(Locale.ROOT, "%s at %.0f dB, full rate (the digital cliff)", ch, low), v);
        }
        c.put("awgn, full rate: JPEG-LDPC lost rate at 0, 5 and 10 dB (GSC's Fig. 4: JPEG fails below 3 dB)",
                List.of(fullRate(rows, "jpeg-ldpc", "awgn", 0, "lostRate"),
                        fullRate(rows, "jpeg-ldpc", "awgn", 5, "lostRate"),
                        fullRate(rows, "jpeg-ldpc", "awgn", 10, "lostRate")));
        c.forEach((k, v) -> System.out.println("claim " + k + ": " + v));
        return c;
    }

    private static double fullRate(List<Map<String, Object>> rows, String scheme, String channel, double snrDb,
            String field) {
        int full = LinkJscc.channelUses(LinkJscc.CHANNELS);
        return select(rows, scheme, channel, snrDb).stream().filter(r -> (int) r.get("channelUses") == full)
                .mapToDouble(r -> (double) r.get(field)).findFirst().orElseThrow();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
