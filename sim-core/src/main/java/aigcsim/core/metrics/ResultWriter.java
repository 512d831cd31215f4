package aigcsim.core.metrics;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

import javax.imageio.ImageIO;

import aigcsim.core.compute.ComputeResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes run results: {@code requests.csv} (one row per request, every replication), {@code timeline.csv} (one row
 * per applied timeline event) and {@code summary.json} (the scenario, each replication's figures and steady-state
 * verdict, and the mean with its 95 % confidence half-width over replications, each labelled with whether every
 * replication was in steady state). Output depends only on the results, so one scenario and seed give
 * byte-identical files. NaN is written as an empty CSV cell and as JSON null.
 */
public final class ResultWriter {
    /** The CSV columns, in order. */
    public static final String CSV_HEADER = "replication,id,user,cell,userXM,userYM,prompt,seed,arrivalS,endS,queueWaitS,l2EdgeS,"
            + "l1TransmissionS,l3DeviceS,latencyS,edgeSteps,snrDb,bandwidthShareHz,outages,satisfaction,failed,"
            + "failure,failedAt,regenerations,inWarmup,fidelity,psnrDb,ssim,semanticAccuracy,cacheHit,worker,computeMs";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultWriter() {
    }

    public static void writeRequestsCsv(Path file, List<RunResult> runs) throws IOException {
        writeCsv(file, CSV_HEADER, runs, RunResult::records, r -> r.id() + "," + r.user() + "," + r.cell() + ","
                + num(r.userXM()) + "," + num(r.userYM()) + "," + quote(r.prompt()) + "," + r.seed() + ","
                + num(r.arrivalS()) + "," + num(r.endS()) + "," + num(r.queueWaitS()) + "," + num(r.l2EdgeS()) + ","
                + num(r.l1TransmissionS()) + "," + num(r.l3DeviceS()) + "," + num(r.latencyS()) + ","
                + r.edgeSteps() + "," + num(r.snrDb()) + "," + num(r.bandwidthShareHz()) + "," + r.outages() + ","
                + num(r.satisfaction()) + "," + r.failed() + "," + r.failure() + "," + r.failedAt() + ","
                + r.regenerations() + "," + r.inWarmup() + "," + quote(r.quality().fidelity()) + ","
                + num(r.quality().psnrDb()) + "," + num(r.quality().ssim()) + ","
                + num(r.quality().semanticAccuracy()) + "," + r.quality().cacheHit() + ","
                + quote(r.quality().worker()) + "," + num(r.quality().computeMs()));
    }

    /** Writes {@code header}, then one line per row of every replication: its replication number, then the row. */
    private static <T> void writeCsv(Path file, String header, List<RunResult> runs,
            Function<RunResult, Iterable<T>> rows, Function<T, String> row) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header);
            w.write('\n');
            for (RunResult run : runs) {
                for (T t : rows.apply(run)) {
                    w.write(run.replication() + "," + row.apply(t) + "\n");
                }
            }
        }
    }

    /** The timeline CSV columns, in order. */
    public static final String TIMELINE_CSV_HEADER = "replication,timeS,event,details";
    /** The columns of {@code images.csv}, in order. */
    public static final String IMAGES_CSV_HEADER = "replication,id,prompt,edgeSteps,snrDb,psnrDb,ssim,"
            + "semanticAccuracy,cacheHit,delivered,reference";

    /**
     * Writes the kept images of computed requests as PNG files into {@code dir}/images/ and their index
     * {@code images.csv} (one row per request: its prompt, split, SNR, quality and the two file names); writes
     * nothing when no image was kept.
     */
    public static void writeImages(Path dir, List<RunResult> runs) throws IOException {
        StringBuilder csv = new StringBuilder(IMAGES_CSV_HEADER).append('\n');
        boolean any = false;
        for (RunResult run : runs) {
            for (RequestRecord r : run.records()) {
                ComputeResult.Images im = r.quality().images();
                if (im == null) {
                    continue;
                }
                if (!any) {
                    Files.createDirectories(dir.resolve("images"));
                    any = true;
                }
                String stem = "images/r" + run.replication() + "-" + r.id();
                png(dir.resolve(stem + "-delivered.png"), im.side(), im.delivered());
                png(dir.resolve(stem + "-reference.png"), im.side(), im.reference());
                csv.append(run.replication()).append(',').append(r.id()).append(',').append(quote(r.prompt()))
                        .append(',').append(r.edgeSteps()).append(',').append(num(r.snrDb())).append(',')
                        .append(num(r.quality().psnrDb())).append(',').append(num(r.quality().ssim())).append(',')
                        .append(num(r.quality().semanticAccuracy())).append(',').append(r.quality().cacheHit())
                        .append(',').append(stem).append("-delivered.png,").append(stem).append("-reference.png\n");
            }
        }
        if (any) {
            Files.writeString(dir.resolve("images.csv"), csv);
        }
    }

    private static void png(Path file, int side, byte[] grey) throws IOException {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, side, side, grey);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }

    /** The columns of {@code timeseries.csv}, in order. */
    public static final String TIME_SERIES_CSV_HEADER = "replication,timeS,cell,queued,inEdge,transmitting,"
            + "edgeUtilization,bandUtilization,pacr,bandwidthHz";

    /** Writes every replication's cell time series: one row per cell and sampling time. */
    public static void writeTimeSeriesCsv(Path file, List<RunResult> runs) throws IOException {
        writeCsv(file, TIME_SERIES_CSV_HEADER, runs, RunResult::timeSeries, s -> num(s.timeS()) + "," + s.cell()
                + "," + s.queued() + "," + s.inEdge() + "," + s.transmitting() + "," + num(s.edgeUtilization()) + ","
                + num(s.bandUtilization()) + "," + num(s.pacr()) + "," + num(s.bandwidthHz()));
    }

    /** Writes {@code timeline.csv}: one row per applied timeline event, details as {@code key=value;key=value}. */
    public static void writeTimelineCsv(Path file, List<RunResult> runs) throws IOException {
        writeCsv(file, TIMELINE_CSV_HEADER, runs, RunResult::timeline, t -> {
            StringJoiner details = new StringJoiner(";");
            t.details().forEach((k, v) -> details.add(k + "=" + v));
            return num(t.timeS()) + "," + t.event() + "," + quote(details.toString());
        });
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** The mean and 95 % confidence half-width of every figure over the replications. */
    public static Map<String, ConfidenceInterval> confidenceIntervals(List<RunSummary> summaries) {
        Map<String, ConfidenceInterval> out = new LinkedHashMap<>();
        for (String key : summaries.get(0).figures().keySet()) {
            out.put(key, ConfidenceInterval.of(summaries.stream().mapToDouble(s -> s.figures().get(key)).toArray()));
        }
        return out;
    }

    public static void writeSummaryJson(Path file, Map<String, Object> scenario, String fidelity,
            List<RunResult> runs) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", scenario);
        root.put("fidelity", fidelity);
        List<Map<String, Object>> reps = runs.stream().map(run -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("replication", run.replication());
            m.put("seed", run.seed());
            Map<String, Object> steady = new LinkedHashMap<>();
            steady.put("steady", run.summary().steadyState());
            steady.put("warmupS", run.summary().warmupS());
            steady.put("reason", run.summary().steadyState() ? null : run.summary().steadyStateReason());
            m.put("steadyState", steady);
            m.put("figures", clean(run.summary().figures()));
            return m;
        }).toList();
        root.put("replications", reps);
        boolean allSteady = runs.stream().allMatch(run -> run.summary().steadyState());
        Map<String, Object> steady = new LinkedHashMap<>();
        steady.put("all", allSteady);
        steady.put("reasons", runs.stream().filter(run -> !run.summary().steadyState())
                .map(run -> "replication " + run.replication() + ": " + run.summary().steadyStateReason()).toList());
        root.put("steadyState", steady);
        Map<String, Object> ci = new LinkedHashMap<>();
        confidenceIntervals(runs.stream().map(RunResult::summary).toList()).forEach((k, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mean", orNull(v.mean()));
            m.put("halfWidth95", orNull(v.halfWidth95()));
            m.put("n", v.n());
            m.put("steadyState", allSteady);
            ci.put(k, m);
        });
        root.put("confidence95", ci);
        JSON.writeValue(file.toFile(), root);
    }

    private static Map<String, Object> clean(Map<String, Double> figures) {
        Map<String, Object> m = new LinkedHashMap<>();
        figures.forEach((k, v) -> m.put(k, orNull(v)));
        return m;
    }

    private static Object orNull(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
