package aigcsim.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One self-contained HTML report of a results folder — a run, a comparison, a sweep or a capacity search, told
 * apart by the files the folder holds — written as {@code report.html} in it. The chart library (ECharts, from its
 * pinned webjar) is inlined, and so is every datum: the file opens from a file:// URL with nothing fetched.
 */
public final class Report {
    public static final String FILE = "report.html";
    /** What {@code aigcsim policy train} writes: one row per training episode of ROOT. */
    static final String TRAINING = "training.csv";
    /** The key figures of tables (here and on the terminal): figure name, title, format. */
    public static final List<String[]> FIGURES = List.of(
            new String[] {"requests", "requests", "%.0f"},
            new String[] {"meanLatencyS", "mean latency, s", "%.2f"},
            new String[] {"p95LatencyS", "p95 latency, s", "%.2f"},
            new String[] {"meanSatisfaction", "satisfaction", "%.3f"},
            new String[] {"failureRate", "failure rate", "%.3f"},
            new String[] {"throughputPerS", "throughput, 1/s", "%.3f"},
            new String[] {"edgeUtilization", "edge utilization", "%.2f"},
            new String[] {"meanEdgeSteps", "mean a", "%.1f"},
            new String[] {"meanPsnrDb", "PSNR, dB", "%.2f"},
            new String[] {"meanSemanticAccuracy", "semantic accuracy", "%.3f"},
            new String[] {"warmupS", "warm-up, s", "%.0f"});
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private final StringBuilder body = new StringBuilder();
    private final List<Charts.Chart> charts = new ArrayList<>();

    private Report() {
    }

    /** Writes the report of the results folder {@code dir} and returns its path. */
    public static Path write(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no results folder at " + dir);
        }
        Report r = new Report();
        String title;
        if (Files.isRegularFile(dir.resolve("compare.json"))) {
            title = r.compare(dir);
        } else if (Files.isRegularFile(dir.resolve("sweep.csv"))) {
            title = r.sweep(dir);
        } else if (Files.isRegularFile(dir.resolve("capacity.json"))) {
            title = r.capacity(dir);
        } else if (Files.isRegularFile(dir.resolve(TRAINING))) {
            title = r.training(dir);
        } else if (RunData.isRun(dir)) {
            RunData run = RunData.read(dir, dir.getFileName().toString());
            title = "Run " + run.scenario().path("name").asText(run.label());
            r.runs(List.of(run));
        } else {
            throw new IllegalArgumentException(dir + " holds no results of aigcsim (expected summary.json and "
                    + "requests.csv of a run, compare.json, sweep.csv, capacity.json or training.csv)");
        }
        Path out = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".partial");
        try {
            Files.writeString(tmp, r.html(title), StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The sections of one or more runs side by side (a run, or the arms of a comparison). */
    private void runs(List<RunData> runs) {
        section("Summary");
        p("Mean ± 95 % half-width over replications; latency of delivered requests; quality of computed requests. "
                + "Fidelity: " + esc(String.join(", ", runs.stream().map(RunData::fidelity).distinct().toList()))
                + ". Code " + esc(runs.get(0).code()) + (runs.get(0).models().isEmpty() ? ""
                        : ", model weights " + esc(runs.get(0).models())) + "; "
                + esc(String.join(", ", runs.stream().map(r -> runs.size() == 1 ? r.policy()
                        : r.label() + ": " + r.policy()).toList())) + ".");
        List<String> head = new ArrayList<>(List.of("run"));
        FIGURES.forEach(f -> head.add(f[1]));
        List<List<String>> rows = new ArrayList<>();
        for (RunData r : runs) {
            List<String> row = new ArrayList<>(List.of(r.label()));
            FIGURES.forEach(f -> row.add(interval(r.confidence().get(f[0]), f[2])));
            rows.add(row);
        }
        table(head, rows);
        for (RunData r : runs) {
            if (r.steady()) {
                p("<span class=ok>" + esc(r.label()) + ": every replication judged in steady state.</span>");
            } else {
                p("<span class=warn>" + esc(r.label()) + ": NOT in steady state; its means describe a transient: "
                        + esc(String.join("; ", r.steadyReasons())) + "</span>");
            }
        }
        section("Latency");
        chart("Latency CDF (delivered requests after warm-up)", Charts.latencyCdf(runs));
        chart("Latency broken into queue wait, L2 edge, L1 transmission, L3 device", Charts.latencyBreakdown(runs));
        section("Satisfaction and failures");
        chart("Satisfaction (eq. 24) distribution", Charts.satisfaction(runs));
        chart("Failures by reason", Charts.failures(runs));
        section("Cells and timeline");
        for (RunData r : runs) {
            var map = Charts.cellMap(r);
            if (map != null) {
                chart("Cells of " + r.label() + ", coloured by mean satisfaction", map);
            }
            var queue = Charts.series(r, "queued + in edge", "requests", s -> s.queued() + s.inEdge());
            if (queue != null) {
                chart("Requests at the edge (queued and in compute) per cell, replication 0, scripted events marked ("
                        + r.label() + ")", queue);
                chart("Batch occupancy (requests in edge compute) per cell (" + r.label() + ")",
                        Charts.series(r, "in edge", "requests", RunData.Sample::inEdge));
                chart("Edge utilization per cell over each sampling interval (" + r.label() + ")",
                        Charts.series(r, "edge utilization", "fraction of time", RunData.Sample::edgeUtilization));
                chart("Downlink band in use per cell (" + r.label() + ")",
                        Charts.series(r, "band use", "fraction of band", RunData.Sample::bandUtilization));
            } else {
                var snapshots = Charts.timeline(r);
                if (snapshots != null) {
                    chart("Queue per cell over time from timeline snapshots, replication 0 (" + r.label() + ")",
                            snapshots);
                } else {
                    p(esc(r.label()) + ": no time series was sampled (run.sampleIntervalS is 0).");
                }
            }
        }
        gallery(runs);
        section("Scenario");
        for (RunData r : runs) {
            body.append("<details><summary>").append(esc(r.label())).append(": resolved scenario</summary><pre>")
                    .append(esc(r.scenarioYaml())).append("</pre></details>\n");
        }
    }

    /**
     * The kept images: per request (rows, ordered by SNR) the reference and what each run delivered, with the
     * request's prompt, split, SNR and quality; the requests are the same in every arm of a comparison.
     */
    private void gallery(List<RunData> runs) {
        section("Image gallery");
        if (runs.stream().allMatch(r -> r.images().isEmpty())) {
            p("No computed images in these results: fidelity analytic computes none, and a computed run keeps those "
                    + "of its first <code>compute.imagesKept</code> requests of replication 0 (set it above 0).");
            return;
        }
        Map<Long, List<RunData.Image>> byId = new java.util.TreeMap<>();
        for (int k = 0; k < runs.size(); k++) {
            for (RunData.Image im : runs.get(k).images()) {
                byId.computeIfAbsent(im.id(), x -> new ArrayList<>(java.util.Collections.nCopies(runs.size(), null)))
                        .set(k, im);
            }
        }
        List<List<RunData.Image>> rows = new ArrayList<>(byId.values());
        rows.sort(java.util.Comparator.comparingDouble(l -> l.stream().filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow().snrDb()));
        p("Each row is one request (same prompt, seed and SNR in every run, on common random numbers), ordered by "
                + "SNR: its no-channel reference, then the image each run delivered with its PSNR and SSIM against "
                + "the reference and whether the classifier recognized the prompted item. Channel: "
                + esc(runs.get(0).scenario().path("channel").path("fading").path("kind").asText("?"))
                + ". No regeneration is modelled, so every image is a first attempt.");
        body.append("<table class=gallery id=gallery><tr><th>request</th><th>reference</th>");
        runs.forEach(r -> body.append("<th>").append(esc(r.label())).append("<br><span class=dim>")
                .append(esc(r.scenario().path("framework").asText("?"))).append("</span></th>"));
        body.append("</tr>\n");
        for (List<RunData.Image> row : rows) {
            RunData.Image first = row.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            body.append("<tr><td>").append(esc(first.prompt())).append("<br>SNR ")
                    .append(String.format(Locale.ROOT, "%.1f dB", first.snrDb())).append("</td><td>")
                    .append(img(first.reference())).append("</td>");
            for (RunData.Image im : row) {
                body.append("<td>");
                if (im != null) {
                    body.append(img(im.delivered())).append("<br>a=").append(im.edgeSteps())
                            .append(String.format(Locale.ROOT, " %.1f dB, SSIM %.2f", im.psnrDb(), im.ssim()))
                            .append(im.semanticAccuracy() >= 1 ? " <span class=ok>recognized</span>"
                                    : " <span class=warn>not recognized</span>");
                }
                body.append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
    }

    private static String img(String dataUri) {
        return "<img class=sample alt=image src=\"" + dataUri + "\">";
    }

    private String compare(Path dir) {
        JsonNode c = RunData.json(dir.resolve("compare.json"));
        List<RunData> arms = new ArrayList<>();
        for (JsonNode arm : c.path("arms")) {
            arms.add(RunData.read(dir.resolve(arm.path("folder").asText()), arm.path("label").asText()));
        }
        if (arms.size() < 2) {
            throw RunData.corrupt(dir.resolve("compare.json"), "fewer than two arms");
        }
        section("Paired differences to " + esc(c.path("baseline").asText()));
        p("Arms ran on common random numbers: replication r of every arm had the same seed. Each difference is the "
                + "mean of arm − baseline over paired replications with its 95 % paired-t half-width; the unpaired "
                + "(Welch) half-width of the same runs shows what pairing buys.");
        List<String> head = new ArrayList<>(List.of("arm − baseline"));
        FIGURES.forEach(f -> head.add(f[1]));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode d : c.path("pairedDifferences")) {
            List<String> row = new ArrayList<>(List.of(d.path("arm").asText()));
            for (String[] f : FIGURES) {
                JsonNode x = d.path("figures").path(f[0]);
                row.add(interval(new RunData.Interval(RunData.num(x.get("mean")),
                        RunData.num(x.get("pairedHalfWidth95")), x.path("n").asInt()), f[2])
                        + (x.path("unpairedHalfWidth95").isNumber() ? " <span class=dim>[" + String.format(
                                Locale.ROOT, f[2], x.path("unpairedHalfWidth95").asDouble()) + "]</span>" : ""));
            }
            rows.add(row);
        }
        table(head, rows);
        Map<String, List<RunData.Interval>> series = new LinkedHashMap<>();
        for (String fig : List.of("meanLatencyS", "p95LatencyS")) {
            List<RunData.Interval> list = new ArrayList<>();
            arms.forEach(a -> list.add(a.confidence().get(fig)));
            series.put(fig, list);
        }
        chart("Latency of each arm (95 % intervals)", Charts.intervals(arms.stream().map(RunData::label).toList(),
                series, "arm", "s"));
        runs(arms);
        return "Comparison " + arms.get(0).scenario().path("name").asText("");
    }

    private String sweep(Path dir) {
        List<String> lines = RunData.lines(dir.resolve("sweep.csv"));
        if (lines.size() < 2) {
            throw RunData.corrupt(dir.resolve("sweep.csv"), "no runs");
        }
        List<String> head = Csv.split(lines.get(0));
        int first = head.indexOf("meanLatencyS");
        if (head.size() < 4 || !head.subList(0, 3).equals(List.of("point", "repeat", "folder")) || first < 3) {
            throw RunData.corrupt(dir.resolve("sweep.csv"), "its header is not point,repeat,folder,<paths>,<figures>");
        }
        List<String> paths = head.subList(3, first);
        List<List<String>> rows = lines.subList(1, lines.size()).stream().map(Csv::split).toList();
        // a path zipped with an earlier one (its value follows from that one's in every run) is drawn with it
        section("Sweep over " + esc(String.join(", ", paths)));
        p(rows.size() + " runs; each point's folder under points/ holds its own results. Boxes are 95 % intervals over "
                + "the replications of a run.");
        List<String> axes = new ArrayList<>();
        for (String p : paths) {
            if (axes.stream().noneMatch(a -> follows(rows, head.indexOf(p), head.indexOf(a)))) {
                axes.add(p);
            }
        }
        for (String fig : List.of("meanSatisfaction", "meanLatencyS", "meanEdgeSteps")) {
            int col = head.indexOf(fig);
            for (String x : axes) {
                List<String> xs = new ArrayList<>(new LinkedHashSet<>(rows.stream()
                        .map(r -> r.get(head.indexOf(x))).toList()));
                Map<String, List<RunData.Interval>> series = new LinkedHashMap<>();
                for (List<String> r : rows) {
                    StringBuilder key = new StringBuilder();
                    for (String other : axes) {
                        if (!other.equals(x)) {
                            key.append(key.length() == 0 ? "" : ", ").append(other).append("=")
                                    .append(r.get(head.indexOf(other)));
                        }
                    }
                    if (!r.get(1).equals("0")) {
                        key.append(" r").append(r.get(1));
                    }
                    List<RunData.Interval> list = series.computeIfAbsent(key.length() == 0 ? fig : key.toString(),
                            k -> new ArrayList<>(java.util.Collections.nCopies(xs.size(), null)));
                    list.set(xs.indexOf(r.get(head.indexOf(x))), new RunData.Interval(parse(r.get(col)),
                            parse(r.get(col + 1)), 0));
                }
                series.values().forEach(l -> l.replaceAll(i -> i == null
                        ? new RunData.Interval(Double.NaN, Double.NaN, 0) : i));
                chart(fig + " against " + x, Charts.intervals(xs, series, x, fig));
            }
        }
        // a surface over the first two axes when they name every run
        List<List<String>> repeat0 = rows.stream().filter(r -> r.get(1).equals("0")).toList();
        int cx = axes.isEmpty() ? -1 : head.indexOf(axes.get(0));
        int cy = axes.size() < 2 ? -1 : head.indexOf(axes.get(1));
        if (cy > 0 && repeat0.stream().map(r -> r.get(cx) + "\u0000" + r.get(cy)).distinct().count()
                == repeat0.size()) {
            List<String> xs = new ArrayList<>(new LinkedHashSet<>(repeat0.stream().map(r -> r.get(cx)).toList()));
            List<String> ys = new ArrayList<>(new LinkedHashSet<>(repeat0.stream().map(r -> r.get(cy)).toList()));
            for (String[] fig : new String[][] {{"meanSatisfaction", "satisfaction"}, {"meanEdgeSteps", "edge steps a"}}) {
                double[][] v = new double[xs.size()][ys.size()];
                for (double[] line : v) {
                    java.util.Arrays.fill(line, Double.NaN);
                }
                int col = head.indexOf(fig[0]);
                for (List<String> r : repeat0) {
                    v[xs.indexOf(r.get(cx))][ys.indexOf(r.get(cy))] = parse(r.get(col));
                }
                chart("Mean " + fig[1] + " over " + axes.get(0) + " x " + axes.get(1), Charts.heatMap(xs, ys, v,
                        axes.get(0), axes.get(1), fig[1]));
            }
        }
        List<List<String>> table = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> row = new ArrayList<>(r.subList(2, first));
            for (String[] f : FIGURES) {
                int col = head.indexOf(f[0]);
                if (col > 0) {
                    row.add(interval(new RunData.Interval(parse(r.get(col)), parse(r.get(col + 1)), 0), f[2]));
                }
            }
            table.add(row);
        }
        List<String> th = new ArrayList<>(head.subList(2, first));
        FIGURES.stream().filter(f -> head.contains(f[0])).forEach(f -> th.add(f[1]));
        table(th, table);
        return "Sweep " + dir.getFileName();
    }

    private String capacity(Path dir) {
        JsonNode c = RunData.json(dir.resolve("capacity.json"));
        section("Capacity: largest " + esc(c.path("field").asText()) + " with " + esc(c.path("target").asText()));
        p("<b>" + esc(c.path("describe").asText()) + "</b> (status " + esc(c.path("status").asText()) + "). Each probe "
                + "added replications until its 95 % interval lay wholly on one side of the target; every probe used "
                + "the same seeds (common random numbers).");
        chart("Target figure against " + c.path("field").asText() + ", each probe's 95 % interval", Charts.capacity(c));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode p : c.path("probes")) {
            rows.add(List.of(p.path("x").asText(), p.path("replications").asText(), interval(new RunData.Interval(
                    RunData.num(p.get("mean")), RunData.num(p.get("halfWidth95")), 0), "%.4f"),
                    p.path("decision").asText()));
        }
        table(List.of(c.path("field").asText(), "replications", "mean ± 95 %", "decision"), rows);
        return "Capacity " + dir.getFileName();
    }

    /** Whether column {@code c}'s value follows from column {@code by}'s in every row (zipped with it). */
    private static boolean follows(List<List<String>> rows, int c, int by) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (List<String> r : rows) {
            String prior = seen.putIfAbsent(r.get(by), r.get(c));
            if (prior != null && !prior.equals(r.get(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * ROOT's training (SemAIGC's Fig. 6): the reward of each cycle of episodes (one episode per training condition)
     * against the episode, for ROOT and each baseline run on the same episodes, and ε and the mean split a.
     */
    private String training(Path dir) {
        List<String> lines = RunData.lines(dir.resolve(TRAINING));
        List<String> head = lines.isEmpty() ? List.of() : Csv.split(lines.get(0));
        int reward = head.indexOf("reward");
        int a = head.indexOf("meanEdgeSteps");
        if (lines.size() < 2 || !head.subList(0, 2).equals(List.of("episode", "condition")) || reward < 0 || a < 0) {
            throw RunData.corrupt(dir.resolve(TRAINING), "its header is not episode,condition,...,reward,epsilon,loss,"
                    + "meanEdgeSteps[,baselines] or it has no episodes");
        }
        List<List<String>> rows = lines.subList(1, lines.size()).stream().map(Csv::split).toList();
        int cycle = (int) rows.stream().map(r -> r.get(1)).distinct().count();
        List<String> names = new ArrayList<>(List.of("reward"));
        names.addAll(head.subList(a + 1, head.size()));
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        Map<String, List<double[]>> schedule = new LinkedHashMap<>();
        for (int start = 0; start + cycle <= rows.size(); start += cycle) {
            List<List<String>> block = rows.subList(start, start + cycle);
            double x = start + cycle;
            for (String n : names) {
                int col = head.indexOf(n);
                curves.computeIfAbsent(n.equals("reward") ? "ROOT (ε-greedy)" : n, k -> new ArrayList<>())
                        .add(new double[] {x, block.stream().mapToDouble(r -> parse(r.get(col))).average()
                                .orElse(Double.NaN)});
            }
            schedule.computeIfAbsent("mean a", k -> new ArrayList<>()).add(new double[] {x,
                block.stream().mapToDouble(r -> parse(r.get(a))).average().orElse(Double.NaN)});
            schedule.computeIfAbsent("ε × 20", k -> new ArrayList<>()).add(new double[] {x,
                20 * parse(block.get(cycle - 1).get(head.indexOf("epsilon")))});
        }
        section("Training of ROOT");
        p(rows.size() + " episodes over " + cycle + " training condition(s), taken in turn; each point is the mean "
                + "eq. 24 reward of one cycle of " + cycle + " episode(s). The baselines ran the same episodes on the "
                + "same random numbers.");
        chart("Mean reward per cycle against the episode (Fig. 6)", Charts.lines(curves, "episode", "mean reward"));
        chart("ROOT's mean split a and its exploration ε (× 20) per cycle", Charts.lines(schedule, "episode", "a"));
        return "Training " + dir.getFileName();
    }

    private static double parse(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static String interval(RunData.Interval i, String f) {
        if (i == null || Double.isNaN(i.mean())) {
            return "–";
        }
        String m = String.format(Locale.ROOT, f, i.mean());
        return Double.isNaN(i.halfWidth95()) ? m : m + " ± " + String.format(Locale.ROOT, f, i.halfWidth95());
    }

    private void section(String title) {
        body.append("<h2>").append(title).append("</h2>\n");
    }

    private void p(String html) {
        body.append("<p>").append(html).append("</p>\n");
    }

    private void chart(String title, com.fasterxml.jackson.databind.node.ObjectNode option) {
        String id = "chart" + charts.size();
        charts.add(new Charts.Chart(id, title, option));
        body.append("<figure><figcaption>").append(esc(title)).append("</figcaption><div class=chart id=")
                .append(id).append("></div></figure>\n");
    }

    private void table(List<String> head, List<List<String>> rows) {
        body.append("<table><tr>");
        head.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            r.forEach(c -> body.append("<td>").append(c.contains("<span") ? c : esc(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String html(String title) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:24px;max-width:1200px;color:#222}"
                        + "table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #ccc;"
                        + "padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}"
                        + ".chart{width:100%;height:380px}figure{margin:12px 0}figcaption{font-weight:bold}"
                        + ".warn{color:#b00}.ok{color:#070}.dim{color:#888}img.sample{width:96px;height:96px;"
                        + "image-rendering:pixelated}table.gallery td{text-align:center;vertical-align:top}pre{background:#f7f7f7;padding:8px;"
                        + "font-size:12px;overflow:auto}</style>\n<script>");
        h.append(echarts().replace("</script", "<\\/script"));
        h.append("</script>\n</head><body>\n<h1>").append(esc(title)).append("</h1>\n");
        h.append(body);
        h.append("<script>\nconst CHARTS = ");
        List<Map<String, Object>> data = new ArrayList<>();
        for (Charts.Chart c : charts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("option", c.option());
            data.add(m);
        }
        try {
            h.append(Charts.JSON.writeValueAsString(data).replace("</", "<\\/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        h.append(";\nwindow.aigcsimCharts = CHARTS.map(c => {\n"
                + "  const chart = echarts.init(document.getElementById(c.id), null, {renderer: 'svg'});\n"
                + "  chart.setOption(Object.assign({animation: false}, c.option));\n  return chart;\n});\n"
                + "window.addEventListener('resize', () => window.aigcsimCharts.forEach(c => c.resize()));\n"
                + "window.addEventListener('load', () => {\n"
                + "  const imgs = [...document.images];\n"
                + "  document.body.dataset.images = imgs.filter(i => i.complete && i.naturalWidth > 0).length + '/'"
                + " + imgs.length + ' decoded';\n});\n"
                + "</script>\n</body></html>\n");
        return h.toString();
    }

    private static String echarts() {
        try (InputStream in = Report.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("the ECharts webjar is not on the classpath (" + ECHARTS + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
