package aigcsim.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import aigcsim.core.metrics.RunSummary;

/**
 * ECharts options for the report's charts, built from results data. Every chart gets the toolbox's "save as image"
 * (SVG, as the charts are drawn as SVG) for papers. Intervals are drawn as boxes (a candlestick from the low to the
 * high end of the 95 % interval) with the mean as a point. Large data is reduced before it is embedded: a CDF to at
 * most {@value #CDF_POINTS} quantiles.
 */
final class Charts {
    static final int CDF_POINTS = 200;
    /** ECharts' default palette, so a series' interval boxes take its line's colour. */
    private static final String[] PALETTE = {"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272",
        "#fc8452", "#9a60b4", "#ea7ccc"};
    static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {
    }

    /** A chart: its element id, its title, and its ECharts option. */
    record Chart(String id, String title, ObjectNode option) {
    }

    private static ObjectNode base(String xName, String yName) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("toolbox").putObject("feature").putObject("saveAsImage").put("title", "save");
        o.putObject("tooltip").put("trigger", "item");
        o.putObject("legend").put("top", 24).put("type", "scroll");
        o.putObject("grid").put("top", 70).put("left", 70).put("right", 110).put("bottom", 60);
        o.putObject("xAxis").put("type", "value").put("name", xName).put("nameLocation", "middle").put("nameGap", 30)
                .put("scale", true);
        o.putObject("yAxis").put("type", "value").put("name", yName).put("scale", true)
                .putObject("nameTextStyle").put("align", "left");
        return o;
    }

    private static ArrayNode pair(double x, double y) {
        return JSON.createArrayNode().add(x).add(y);
    }

    /** Latency CDF of the delivered requests after warm-up, one line per run. */
    static ObjectNode latencyCdf(List<RunData> runs) {
        ObjectNode o = base("latency, s", "fraction of delivered requests");
        ArrayNode series = o.putArray("series");
        for (RunData r : runs) {
            double[] lat = kept(r).stream().filter(RunData.Row::delivered).mapToDouble(RunData.Row::latencyS)
                    .sorted().toArray();
            ArrayNode data = JSON.createArrayNode();
            int points = Math.min(lat.length, CDF_POINTS);
            for (int i = 0; i < points; i++) {
                double p = points == 1 ? 1 : (double) i / (points - 1);
                data.add(pair(RunSummary.quantile(lat, p), p));
            }
            series.addObject().put("type", "line").put("name", r.label()).put("showSymbol", false)
                    .put("step", "end").set("data", data);
        }
        return o;
    }

    /** Mean queue wait, L2, L1 and L3 of delivered requests, stacked, one bar per run. */
    static ObjectNode latencyBreakdown(List<RunData> runs) {
        ObjectNode o = base("", "mean latency, s");
        o.putObject("xAxis").put("type", "category").set("data", labels(runs));
        o.putObject("tooltip").put("trigger", "axis");
        ArrayNode series = o.putArray("series");
        String[][] parts = {{"queue wait", "q"}, {"L2 edge", "2"}, {"L1 transmission", "1"}, {"L3 device", "3"}};
        for (String[] part : parts) {
            ArrayNode data = JSON.createArrayNode();
            for (RunData r : runs) {
                data.add(round(kept(r).stream().filter(RunData.Row::delivered).mapToDouble(x -> switch (part[1]) {
                    case "q" -> x.queueWaitS();
                    case "2" -> x.l2EdgeS();
                    case "1" -> x.l1TransmissionS();
                    default -> x.l3DeviceS();
                }).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN)));
            }
            series.addObject().put("type", "bar").put("name", part[0]).put("stack", "latency").set("data", data);
        }
        return o;
    }

    /** The distribution of satisfaction (eq. 24) over requests after warm-up, in 10 bins, one series per run. */
    static ObjectNode satisfaction(List<RunData> runs) {
        ObjectNode o = base("satisfaction", "fraction of requests");
        ArrayNode bins = JSON.createArrayNode();
        for (int b = 0; b < 10; b++) {
            bins.add(String.format(java.util.Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0));
        }
        o.putObject("xAxis").put("type", "category").put("name", "satisfaction").put("nameLocation", "middle")
                .put("nameGap", 30).set("data", bins);
        ArrayNode series = o.putArray("series");
        for (RunData r : runs) {
            List<RunData.Row> rows = kept(r);
            double[] count = new double[10];
            rows.forEach(x -> count[Math.min(9, (int) Math.floor(x.satisfaction() * 10))]++);
            ArrayNode data = JSON.createArrayNode();
            Arrays.stream(count).forEach(c -> data.add(round(rows.isEmpty() ? 0 : c / rows.size())));
            series.addObject().put("type", "bar").put("name", r.label()).set("data", data);
        }
        return o;
    }

    /** Failures by reason as a fraction of requests after warm-up, one series per run. */
    static ObjectNode failures(List<RunData> runs) {
        ObjectNode o = base("", "fraction of requests");
        String[] reasons = {"DEADLINE", "OUTAGE", "EDGE_DOWN"};
        ArrayNode cats = JSON.createArrayNode();
        Arrays.stream(reasons).forEach(cats::add);
        o.putObject("xAxis").put("type", "category").set("data", cats);
        ArrayNode series = o.putArray("series");
        for (RunData r : runs) {
            List<RunData.Row> rows = kept(r);
            ArrayNode data = JSON.createArrayNode();
            for (String reason : reasons) {
                data.add(round(rows.isEmpty() ? 0
                        : rows.stream().filter(x -> x.failure().equals(reason)).count() / (double) rows.size()));
            }
            series.addObject().put("type", "bar").put("name", r.label()).set("data", data);
        }
        return o;
    }

    /**
     * One quantity of the cells' time series over simulated time (replication 0), a line per cell, with the scripted
     * events marked as vertical lines; null when the run sampled none.
     */
    static ObjectNode series(RunData r, String quantity, String yName,
            java.util.function.ToDoubleFunction<RunData.Sample> value) {
        Map<Integer, ArrayNode> byCell = new TreeMap<>();
        for (RunData.Sample s : r.series()) {
            if (s.replication() == 0) {
                byCell.computeIfAbsent(s.cell(), c -> JSON.createArrayNode()).add(pair(s.timeS(),
                        value.applyAsDouble(s)));
            }
        }
        if (byCell.isEmpty()) {
            return null;
        }
        ObjectNode o = base("simulated time, s", yName);
        o.putObject("tooltip").put("trigger", "axis");
        ArrayNode series = o.putArray("series");
        ArrayNode marks = eventMarks(r);
        for (Map.Entry<Integer, ArrayNode> e : byCell.entrySet()) {
            ObjectNode s = series.addObject().put("type", "line").put("name", "cell " + e.getKey() + " " + quantity)
                    .put("showSymbol", false);
            s.set("data", e.getValue());
            if (series.size() == 1 && !marks.isEmpty()) {
                s.putObject("markLine").put("symbol", "none").set("data", marks);
            }
        }
        return o;
    }

    /** The scripted events of replication 0 (not the snapshots) as vertical marks. */
    private static ArrayNode eventMarks(RunData r) {
        ArrayNode marks = JSON.createArrayNode();
        for (RunData.Event e : r.timeline()) {
            if (e.replication() == 0 && !e.event().equals("snapshot")) {
                marks.addObject().put("xAxis", e.timeS()).putObject("label").put("formatter", e.event());
            }
        }
        return marks;
    }

    /**
     * Queue lengths per cell over simulated time from the timeline's snapshots (replication 0), with the other
     * scripted events marked as vertical lines; null when the run took no snapshots.
     */
    static ObjectNode timeline(RunData r) {
        Map<String, ArrayNode> byCell = new TreeMap<>();
        ArrayNode marks = eventMarks(r);
        for (RunData.Event e : r.timeline()) {
            if (e.replication() == 0 && e.event().equals("snapshot")) {
                String cell = e.details().getOrDefault("cell", "?");
                for (String k : List.of("queued", "inEdge")) {
                    byCell.computeIfAbsent("cell " + cell + " " + k, x -> JSON.createArrayNode())
                            .add(pair(e.timeS(), Double.parseDouble(e.details().getOrDefault(k, "0"))));
                }
            }
        }
        if (byCell.isEmpty()) {
            return null;
        }
        ObjectNode o = base("simulated time, s", "requests");
        o.putObject("tooltip").put("trigger", "axis");
        ArrayNode series = o.putArray("series");
        boolean first = true;
        for (Map.Entry<String, ArrayNode> e : byCell.entrySet()) {
            ObjectNode s = series.addObject().put("type", "line").put("name", e.getKey()).put("step", "end")
                    .put("showSymbol", false);
            s.set("data", e.getValue());
            if (first && !marks.isEmpty()) {
                ObjectNode ml = s.putObject("markLine").put("symbol", "none");
                ml.set("data", marks);
                first = false;
            }
        }
        return o;
    }

    /** Requests shown on the cell map at most; a larger run shows an evenly spaced sample of its requests. */
    static final int MAP_POINTS = 3000;

    /**
     * Cells at their positions, coloured by the mean satisfaction of the requests they served, and the requests
     * where their users stood when they asked, coloured by their satisfaction.
     */
    static ObjectNode cellMap(RunData r) {
        JsonNode cells = r.scenario().path("cells");
        if (!cells.isArray() || cells.isEmpty()) {
            return null;
        }
        ObjectNode o = base("x, m", "y, m");
        o.putObject("visualMap").put("min", 0).put("max", 1).put("dimension", 2).put("calculable", true)
                .put("right", 0).put("top", "middle").putObject("inRange").putArray("color")
                .add("#d73027").add("#fee08b").add("#1a9850");
        ArrayNode data = JSON.createArrayNode();
        for (int c = 0; c < cells.size(); c++) {
            int cell = c;
            double sat = kept(r).stream().filter(x -> x.cell() == cell).mapToDouble(RunData.Row::satisfaction)
                    .average().orElse(Double.NaN);
            data.addArray().add(cells.get(c).path("xM").asDouble()).add(cells.get(c).path("yM").asDouble())
                    .add(round(sat)).add("cell " + c);
        }
        ArrayNode series = o.putArray("series");
        List<RunData.Row> rows = kept(r).stream().filter(x -> !Double.isNaN(x.userXM())).toList();
        ArrayNode users = JSON.createArrayNode();
        int step = Math.max(1, (rows.size() + MAP_POINTS - 1) / MAP_POINTS);
        for (int i = 0; i < rows.size(); i += step) {
            RunData.Row x = rows.get(i);
            users.addArray().add(round(x.userXM())).add(round(x.userYM())).add(round(x.satisfaction()))
                    .add("cell " + x.cell());
        }
        series.addObject().put("type", "scatter").put("name", "requests (user positions)").put("symbolSize", 5)
                .set("data", users);
        ObjectNode cellSeries = series.addObject().put("type", "scatter").put("name", "cells").put("symbolSize", 28)
                .put("symbol", "triangle");
        cellSeries.set("data", data);
        return o;
    }

    /** Intervals as boxes with the mean as a point: x categories, one group of boxes per series. */
    static ObjectNode intervals(List<String> categories, Map<String, List<RunData.Interval>> series, String xName,
            String yName) {
        ObjectNode o = base(xName, yName);
        ArrayNode cats = JSON.createArrayNode();
        categories.forEach(cats::add);
        o.putObject("xAxis").put("type", "category").put("name", xName).put("nameLocation", "middle")
                .put("nameGap", 30).set("data", cats);
        ArrayNode out = o.putArray("series");
        int k = 0;
        for (Map.Entry<String, List<RunData.Interval>> e : series.entrySet()) {
            String colour = PALETTE[k++ % PALETTE.length];
            ArrayNode boxes = JSON.createArrayNode();
            ArrayNode line = JSON.createArrayNode();
            for (RunData.Interval i : e.getValue()) {
                boxes.addArray().add(round(i.low())).add(round(i.high())).add(round(i.low())).add(round(i.high()));
                line.add(round(i.mean()));
            }
            ObjectNode box = out.addObject().put("type", "candlestick").put("name", e.getKey())
                    .put("barMaxWidth", 14);
            box.putObject("itemStyle").put("color", colour).put("color0", colour).put("borderColor", colour)
                    .put("borderColor0", colour).put("opacity", 0.5);
            box.set("data", boxes);
            ObjectNode mean = out.addObject().put("type", "line").put("name", e.getKey()).put("color", colour);
            mean.set("data", line);
        }
        return o;
    }

    /** Lines of (x, y) points, one per named series. */
    static ObjectNode lines(Map<String, List<double[]>> series, String xName, String yName) {
        ObjectNode o = base(xName, yName);
        o.putObject("tooltip").put("trigger", "axis");
        ArrayNode out = o.putArray("series");
        int k = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            ArrayNode data = JSON.createArrayNode();
            e.getValue().forEach(xy -> data.add(JSON.createArrayNode().add(round(xy[0])).add(round(xy[1]))));
            out.addObject().put("type", "line").put("name", e.getKey()).put("showSymbol", false)
                    .put("color", PALETTE[k++ % PALETTE.length]).set("data", data);
        }
        return o;
    }

    /** A heat map of one figure over two swept fields. */
    static ObjectNode heatMap(List<String> xs, List<String> ys, double[][] value, String xName, String yName,
            String figure) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("toolbox").putObject("feature").putObject("saveAsImage").put("title", "save");
        o.putObject("tooltip").put("position", "top");
        o.putObject("grid").put("top", 40).put("left", 90).put("right", 90).put("bottom", 60);
        ArrayNode xa = JSON.createArrayNode();
        xs.forEach(xa::add);
        ArrayNode ya = JSON.createArrayNode();
        ys.forEach(ya::add);
        o.putObject("xAxis").put("type", "category").put("name", xName).put("nameLocation", "middle")
                .put("nameGap", 30).set("data", xa);
        o.putObject("yAxis").put("type", "category").put("name", yName).set("data", ya);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        ArrayNode data = JSON.createArrayNode();
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                if (!Double.isNaN(value[i][j])) {
                    min = Math.min(min, value[i][j]);
                    max = Math.max(max, value[i][j]);
                    data.addArray().add(i).add(j).add(round(value[i][j]));
                }
            }
        }
        ObjectNode map = o.putObject("visualMap");
        map.set("min", round(min));
        map.set("max", round(max));
        map.put("calculable", true).put("right", 0).put("top", "middle").putObject("inRange").putArray("color")
                .add("#d73027").add("#fee08b").add("#1a9850");
        ObjectNode heat = o.putArray("series").addObject().put("type", "heatmap").put("name", figure);
        heat.set("data", data);
        heat.putObject("label").put("show", true);
        return o;
    }

    /** The capacity search: each probe's interval against the searched value, the target and the answer marked. */
    static ObjectNode capacity(JsonNode report) {
        List<JsonNode> probes = new ArrayList<>();
        report.path("probes").forEach(probes::add);
        probes.sort((a, b) -> Integer.compare(a.path("x").asInt(), b.path("x").asInt()));
        List<String> xs = new ArrayList<>();
        Map<String, List<RunData.Interval>> series = new LinkedHashMap<>();
        List<RunData.Interval> list = new ArrayList<>();
        for (JsonNode p : probes) {
            xs.add(p.path("x").asText());
            list.add(new RunData.Interval(RunData.num(p.get("mean")), RunData.num(p.get("halfWidth95")),
                    p.path("replications").asInt()));
        }
        series.put("probe (95 % interval)", list);
        String target = report.path("target").asText();
        ObjectNode o = intervals(xs, series, report.path("field").asText(), target.split(" ")[0]);
        ObjectNode first = (ObjectNode) o.get("series").get(1);
        ArrayNode marks = first.putObject("markLine").put("symbol", "none").putArray("data");
        double threshold = Double.parseDouble(target.substring(target.lastIndexOf(' ') + 1));
        marks.addObject().put("yAxis", threshold).putObject("label").put("formatter", "target " + target);
        if (!report.path("answer").isNull() && report.has("answer")) {
            marks.addObject().put("xAxis", report.path("answer").asText()).putObject("label")
                    .put("formatter", "answer " + report.path("answer").asText());
        }
        return o;
    }

    private static ArrayNode labels(List<RunData> runs) {
        ArrayNode a = JSON.createArrayNode();
        runs.forEach(r -> a.add(r.label()));
        return a;
    }

    /** The requests a summary counts: after the warm-up. */
    static List<RunData.Row> kept(RunData r) {
        return r.requests().stream().filter(x -> !x.inWarmup()).toList();
    }

    static JsonNode round(double v) {
        if (!Double.isFinite(v)) {
            return JSON.nullNode();
        }
        return JSON.getNodeFactory().numberNode(Math.round(v * 1e4) / 1e4);
    }
}
