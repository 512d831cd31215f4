package aigcsim.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import aigcsim.core.metrics.ResultWriter;

/**
 * One run's results folder as a report needs it: the per-request rows of {@code requests.csv}, the intervals and
 * steady-state verdict of {@code summary.json}, the scripted events of {@code timeline.csv}, the cells' time series
 * of {@code timeseries.csv} (empty when the run sampled none), the resolved
 * {@code scenario.yaml}, the code fingerprint of {@code run.json} and the models' version of
 * {@code pool-metrics.json} (empty when nothing was computed), and the split policy (with the SHA-256 of ROOT's
 * checkpoint when the run used it, from {@code run.json}). A missing or corrupt file is an
 * {@link IllegalArgumentException} naming it.
 */
public record RunData(String label, Path dir, String fidelity, Map<String, Interval> confidence, boolean steady,
        List<String> steadyReasons, List<Row> requests, List<Event> timeline, List<Sample> series,
        List<Image> images, String scenarioYaml, JsonNode scenario, String code, String models, String policy) {

    /** A figure's mean and 95 % half-width over replications (NaN when undefined). */
    public record Interval(double mean, double halfWidth95, int n) {
        public double low() {
            return Double.isNaN(halfWidth95) ? mean : mean - halfWidth95;
        }

        public double high() {
            return Double.isNaN(halfWidth95) ? mean : mean + halfWidth95;
        }
    }

    /** The columns of one request a report draws. Times in s, NaN where the phase did not happen. */
    public record Row(int replication, int cell, double userXM, double userYM, double arrivalS, double queueWaitS, double l2EdgeS,
            double l1TransmissionS, double l3DeviceS, double latencyS, int edgeSteps, double snrDb,
            double satisfaction, String failure, boolean inWarmup, double psnrDb, double semanticAccuracy) {
        public boolean delivered() {
            return !Double.isNaN(latencyS);
        }
    }

    /** One row of {@code timeseries.csv}: a cell at a sampling time. */
    public record Sample(int replication, double timeS, int cell, int queued, int inEdge, int transmitting,
            double edgeUtilization, double bandUtilization, double pacr) {
    }

    /**
     * A kept image pair of {@code images.csv}: the request, its split, SNR and quality, and the delivered and
     * reference images as PNG data URIs.
     */
    public record Image(int replication, long id, String prompt, int edgeSteps, double snrDb, double psnrDb,
            double ssim, double semanticAccuracy, String delivered, String reference) {
    }

    /** One row of {@code timeline.csv}. */
    public record Event(int replication, double timeS, String event, Map<String, String> details) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Reads the run folder {@code dir}; {@code label} names it in charts (an arm, a probe). */
    public static RunData read(Path dir, String label) {
        JsonNode summary = json(dir.resolve("summary.json"));
        Map<String, Interval> ci = new LinkedHashMap<>();
        JsonNode c = summary.get("confidence95");
        if (c == null || !c.isObject()) {
            throw corrupt(dir.resolve("summary.json"), "no confidence95 block");
        }
        c.fields().forEachRemaining(e -> ci.put(e.getKey(), new Interval(num(e.getValue().get("mean")),
                num(e.getValue().get("halfWidth95")), e.getValue().path("n").asInt())));
        JsonNode steady = summary.path("steadyState");
        List<String> reasons = new ArrayList<>();
        steady.path("reasons").forEach(r -> reasons.add(r.asText()));
        String yaml = text(dir.resolve("scenario.yaml"));
        JsonNode scenario;
        try {
            scenario = YAML.readTree(yaml);
        } catch (IOException e) {
            throw corrupt(dir.resolve("scenario.yaml"), e.getMessage());
        }
        Path run = dir.resolve("run.json");
        JsonNode runJson = Files.isRegularFile(run) ? json(run) : YAML.createObjectNode();
        String code = runJson.path("code").asText("");
        String root = runJson.path("rootCheckpointSha256").asText("");
        String policy = "split policy " + scenario.path("split").path("policy").asText("?") + (root.isEmpty() ? ""
                : " (ROOT checkpoint " + scenario.path("split").path("checkpoint").asText("?") + ", SHA-256 "
                        + root.substring(0, Math.min(12, root.length())) + "…)");
        Path timeline = dir.resolve("timeline.csv");
        Path series = dir.resolve("timeseries.csv");
        return new RunData(label, dir, summary.path("fidelity").asText("?"), ci, steady.path("all").asBoolean(true),
                reasons, rows(dir.resolve("requests.csv")),
                Files.isRegularFile(timeline) ? events(timeline) : List.of(),
                Files.isRegularFile(series) ? samples(series) : List.of(),
                Files.isRegularFile(dir.resolve("images.csv")) ? images(dir) : List.of(), yaml, scenario, code,
                Files.isRegularFile(dir.resolve("pool-metrics.json"))
                        ? json(dir.resolve("pool-metrics.json")).path("modelVersion").asText("?") : "", policy);
    }

    /** Whether {@code dir} looks like one run's folder. */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("summary.json")) && Files.isRegularFile(dir.resolve("requests.csv"));
    }

    private static List<Row> rows(Path csv) {
        List<String> lines = lines(csv);
        if (lines.isEmpty() || !lines.get(0).equals(ResultWriter.CSV_HEADER)) {
            throw corrupt(csv, "its header is not the requests.csv header of this version: " + ResultWriter.CSV_HEADER);
        }
        List<String> head = Csv.split(lines.get(0));
        List<Row> out = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = Csv.split(lines.get(i));
            if (f.size() != head.size()) {
                throw corrupt(csv, "line " + (i + 1) + " has " + f.size() + " fields, the header " + head.size());
            }
            try {
                out.add(new Row(Integer.parseInt(f.get(head.indexOf("replication"))),
                        Integer.parseInt(f.get(head.indexOf("cell"))), d(f, head, "userXM"), d(f, head, "userYM"),
                        d(f, head, "arrivalS"),
                        d(f, head, "queueWaitS"), d(f, head, "l2EdgeS"), d(f, head, "l1TransmissionS"),
                        d(f, head, "l3DeviceS"), d(f, head, "latencyS"),
                        Integer.parseInt(f.get(head.indexOf("edgeSteps"))), d(f, head, "snrDb"),
                        d(f, head, "satisfaction"), f.get(head.indexOf("failure")),
                        Boolean.parseBoolean(f.get(head.indexOf("inWarmup"))), d(f, head, "psnrDb"),
                        d(f, head, "semanticAccuracy")));
            } catch (NumberFormatException e) {
                throw corrupt(csv, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static double d(List<String> f, List<String> head, String column) {
        String v = f.get(head.indexOf(column));
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    private static List<Image> images(Path dir) {
        Path csv = dir.resolve("images.csv");
        List<String> lines = lines(csv);
        if (lines.isEmpty() || !lines.get(0).equals(ResultWriter.IMAGES_CSV_HEADER)) {
            throw corrupt(csv, "its header is not " + ResultWriter.IMAGES_CSV_HEADER);
        }
        List<Image> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = Csv.split(lines.get(i));
            try {
                out.add(new Image(Integer.parseInt(f.get(0)), Long.parseLong(f.get(1)), f.get(2),
                        Integer.parseInt(f.get(3)), parseOrNaN(f.get(4)), parseOrNaN(f.get(5)), parseOrNaN(f.get(6)),
                        parseOrNaN(f.get(7)), dataUri(dir.resolve(f.get(9))), dataUri(dir.resolve(f.get(10)))));
            } catch (RuntimeException e) {
                throw corrupt(csv, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static double parseOrNaN(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static String dataUri(Path png) {
        try {
            return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw corrupt(png, "cannot read the image: " + e.getMessage());
        }
    }

    private static List<Sample> samples(Path csv) {
        List<String> lines = lines(csv);
        if (lines.isEmpty() || !lines.get(0).equals(ResultWriter.TIME_SERIES_CSV_HEADER)) {
            throw corrupt(csv, "its header is not " + ResultWriter.TIME_SERIES_CSV_HEADER);
        }
        List<Sample> out = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            try {
                out.add(new Sample(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8])));
            } catch (RuntimeException e) {
                throw corrupt(csv, "line " + (i + 1) + " is not a sample: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<Event> events(Path csv) {
        List<String> lines = lines(csv);
        List<Event> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = Csv.split(lines.get(i));
            if (f.size() != 4) {
                throw corrupt(csv, "line " + (i + 1) + " is not replication,timeS,event,details");
            }
            Map<String, String> details = new LinkedHashMap<>();
            for (String kv : f.get(3).split(";")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    details.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            try {
                out.add(new Event(Integer.parseInt(f.get(0)), Double.parseDouble(f.get(1)), f.get(2), details));
            } catch (NumberFormatException e) {
                throw corrupt(csv, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("results file not found: " + file);
            }
            throw corrupt(file, e.getMessage());
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("results file not found: " + file);
        } catch (IOException e) {
            throw corrupt(file, e.getMessage());
        }
    }

    private static String text(Path file) {
        return String.join("\n", lines(file));
    }

    static IllegalArgumentException corrupt(Path file, String why) {
        return new IllegalArgumentException("cannot read results file " + file + ": " + why);
    }

    static double num(JsonNode n) {
        return n == null || n.isNull() || !n.isNumber() ? Double.NaN : n.asDouble();
    }
}
