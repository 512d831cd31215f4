package aigcsim.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.sim.Scenario;
import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;
import aigcsim.scenarios.twin.Twin;
import aigcsim.worker.Calibration;
import aigcsim.worker.ModelSource;
import aigcsim.worker.PoolConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aigcsim twin SCENARIO --profile FILE}: the simulator's predicted latencies against the real worker pool's
 * measured ones on the same requests ({@link Twin}), for each edge mode asked, with the error of each figure.
 */
@Command(name = "twin", mixinStandardHelpOptions = true,
        description = "Predict a scenario's latencies in the simulator with a profile measured by calibrate, serve "
                + "the same requests on the real worker pool in real time, and print predicted against measured.")
final class TwinCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A twin scenario (one cell), e.g. "
            + "scenarios/twin/small.yaml.")
    Path file;

    @Option(names = "--profile", required = true, paramLabel = "FILE",
            description = "The host's profile, written by aigcsim calibrate; it serves as edge and device.")
    Path profile;

    @Option(names = "--modes", split = ",", paramLabel = "MODE", description = "Edge modes compared (default "
            + "serial,async).")
    List<String> modes = List.of("serial", "async");

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder: each mode's requests (predicted "
            + "and measured latency) and twin.json. Default: results/twin/<scenario name>.")
    Path out;

    @Option(names = "--profile-pools", description = "Predict with the pools as the profile measured them. By "
            + "default each pool is measured again right before its run (up to the scenario's maxBatch, as calibrate "
            + "measures it), so that a machine whose speed moves from one minute to the next is predicted at its "
            + "speed of that minute.")
    boolean profilePools;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The profile the simulator runs for the pool in {@code mode}: the calibrated one with the step as that pool runs
     * it, t(b) = speed·t_pool(b) + o, o the pool's time between steps (its batch curve follows), both measured in the
     * pool (speed 1: as measured); a pool that never batches (serial) keeps the model's own curve. The pool's batch
     * wait is the scenario's {@code edge.batchWaitS}.
     */
    static Path forPool(ObjectNode calibrated, String mode, double speed, Path dir) throws java.io.IOException {
        ObjectNode p = calibrated.deepCopy();
        JsonNode pool = pool(calibrated, mode);
        double o = pool.get("overheadPerStepS").get("seconds").asDouble();
        double t1 = speed * pool.get("stepS").get(0).get("seconds").asDouble();
        JsonNode relative = pool.get("stepS").size() > 1 ? pool.get("batchCurve") : calibrated.get("batchCurve");
        ArrayNode curve = JSON.createArrayNode();
        for (JsonNode point : relative) {
            curve.add(JSON.createArrayNode().add(point.get(0).asInt()).add((point.get(1).asDouble() * t1 + o)
                    / (t1 + o)));
        }
        p.set("batchCurve", curve);
        ((ObjectNode) p.get("workload")).put("stepS", t1 + o);
        p.put("name", p.get("name").asText() + "-" + mode + "-pool");
        Path f = dir.resolve(mode + ".json");
        JSON.writeValue(f.toFile(), p);
        return f;
    }

    /** The profile's measurement of the pool in {@code mode}, or a clear error. */
    static JsonNode pool(JsonNode calibrated, String mode) {
        JsonNode pools = calibrated.path("measurement").path("pools");
        if (pools.get(mode) == null) {
            throw new IllegalArgumentException("twin: the profile has no measurement of the " + mode + " pool "
                    + "(measurement.pools." + mode + "); write it with aigcsim calibrate");
        }
        return pools.get(mode);
    }

    /**
     * {@code b: in the run / calibrated} time of the pool's step, ms, at each batch size the pool ran and calibrate
     * measured: where they differ, the host ran at another speed than when it was calibrated.
     */
    static String stepTimes(double[] runMs, JsonNode pool) {
        StringBuilder out = new StringBuilder();
        for (JsonNode f : pool.get("stepS")) {
            int b = f.get("batch").asInt();
            if (b < runMs.length && !Double.isNaN(runMs[b])) {
                out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d: %.2f / %.2f", b,
                        runMs[b], 1e3 * f.get("seconds").asDouble()));
            }
        }
        return out.toString();
    }

    /** {@code b: predicted / measured} share of the request-steps run in batches of b, for each b either has. */
    static String shares(long[] predicted, long[] measured) {
        double p = java.util.Arrays.stream(predicted).sum();
        double m = java.util.Arrays.stream(measured).sum();
        StringBuilder out = new StringBuilder();
        for (int b = 1; b < Math.max(predicted.length, measured.length); b++) {
            long x = b < predicted.length ? predicted[b] : 0;
            long y = b < measured.length ? measured[b] : 0;
            if (x + y > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d: %.3f / %.3f", b,
                        x / p, y / m));
            }
        }
        return out.toString();
    }

    @Override
    public Integer call() throws Exception {
        DeviceProfile.load(profile); // a clear error before anything runs
        ObjectNode file0 = (ObjectNode) JSON.readTree(Files.readString(profile));
        for (String mode : modes) {
            if (!List.of("serial", "async").contains(mode)) {
                throw new IllegalArgumentException("--modes: unknown edge mode '" + mode + "' (serial, async)");
            }
            pool(file0, mode);
        }
        int threads = file0.get("measurement").get("intraOpThreads").asInt();
        List<Run> runs = new ArrayList<>();
        Path tmp = Files.createTempDirectory("aigcsim-twin-");
        String name = null;
        try {
            for (String mode : modes) {
                Scenario.EdgeMode edgeMode = Scenario.EdgeMode.valueOf(mode.toUpperCase(Locale.ROOT));
                if (!profilePools) {
                    int maxBatch = ScenarioResolver.resolve(ScenarioLoader.load(file, List.of())).scenario()
                            .maxBatch();
                    PoolConfig config = Twin.pool(edgeMode, threads, maxBatch);
                    ProgressBar bar = new ProgressBar("twin " + mode + ": measuring the pool", config.maxBatch(),
                            System.err);
                    try {
                        Calibration.PoolFigures f = Calibration.pool(ModelSource.bundled(), config,
                                file0.get("measurement").get("totalSteps").asInt(), file0.get("measurement")
                                        .get("precision").asDouble(), RECALIBRATION_ROUNDS, (b, all) -> bar.step(b));
                        ((ObjectNode) file0.get("measurement").get("pools")).set(mode, JSON.valueToTree(
                                CalibrateCommand.pool(f, config)));
                    } finally {
                        bar.close();
                    }
                }
                Scenario scenario = scenario(mode, forPool(file0, mode, 1, tmp), file0);
                name = scenario.name();
                Twin.Result r = Twin.run(scenario, ModelSource.bundled(), threads, System.out);
                double speed = runSpeed(r, pool(file0, mode));
                runs.add(new Run(r, speed, Twin.predict(scenario(mode, forPool(file0, mode, speed, tmp), file0))
                        .figures()));
            }
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(tmp);
        }
        Path dir = out != null ? out : Path.of("results", "twin", name);
        write(dir, runs, file0);
        for (Run run : runs) {
            Twin.Result r = run.result();
            System.out.println();
            System.out.printf(Locale.ROOT, "%s edge: %d requests; predicted = simulator with %s, measured = pool in "
                    + "real time (submissions late by %.2f ms on average, %.2f ms at most)%n", r.mode(),
                    r.measured().requests(), profile, 1e3 * r.meanLatenessS(), 1e3 * r.maxLatenessS());
            Tables.row(System.out, new String[] {"figure", "predicted", "measured", "error"});
            Map<String, Double> pred = r.predicted().byName();
            Map<String, Double> meas = r.measured().byName();
            r.errors().forEach((k, e) -> Tables.row(System.out, new String[] {k,
                String.format(Locale.ROOT, "%.4f", pred.get(k)), String.format(Locale.ROOT, "%.4f", meas.get(k)),
                String.format(Locale.ROOT, "%+.1f %%", 100 * e)}));
            System.out.println("share of denoising steps by batch size, predicted / measured: "
                    + shares(r.predictedStepsAtBatch(), r.measuredStepsAtBatch()));
            System.out.println("the pool's step by batch size, ms, in this run / when calibrated: "
                    + stepTimes(r.measuredStepMsAtBatch(), pool(file0, r.mode())));
            StringBuilder at = new StringBuilder();
            Twin.errors(run.atRunSpeed(), r.measured()).forEach((k, e) -> at.append(at.length() == 0 ? "" : ", ")
                    .append(k).append(String.format(Locale.ROOT, " %+.1f %%", 100 * e)));
            System.out.printf(Locale.ROOT, "the host ran the pool's steps at %.3f x their calibrated time; simulated "
                    + "at that speed (not a prediction: it tells the host's speed from the model's error): %s%n",
                    run.speed(), at);
        }
        System.out.println("results: " + dir);
        return Main.OK;
    }

    /** A mode's twin: the comparison, the host's speed in the run and the simulator's figures at that speed. */
    private record Run(Twin.Result result, double speed, Twin.Figures atRunSpeed) {
    }

    /**
     * The twin scenario in {@code mode} on {@code profileFile}: analytic, one cell, the edge and the devices on the
     * profile; an async pool's worker found idle waits its batch wait for other requests, and so does the edge.
     */
    private Scenario scenario(String mode, Path profileFile, JsonNode calibrated) {
        String p = profileFile.toString();
        double wait = pool(calibrated, mode).get("batchWaitS").asDouble();
        List<ScenarioLoader.Setting> settings = new ArrayList<>();
        for (String s : List.of("compute.fidelity=analytic", "edge.mode=" + mode, "cells[0].edgeProfile=" + p,
                "users.deviceProfile=" + p, "edge.batchWaitS=" + wait)) {
            settings.add(ScenarioLoader.Setting.parse(s, "twin"));
        }
        ResolvedScenario r = ScenarioResolver.resolve(ScenarioLoader.load(file, settings));
        if (r.scenario().cells().size() != 1) {
            throw new IllegalArgumentException(file + ": a twin scenario has one cell (the pool is one edge), this one "
                    + "has " + r.scenario().cells().size());
        }
        return r.scenario();
    }

    /**
     * How much slower (> 1) or faster the pool's steps ran in the run than calibrated: their time in the run over the
     * calibrated time of the same steps (each batch size's steps at its calibrated time).
     */
    static double runSpeed(Twin.Result r, JsonNode pool) {
        double run = 0;
        double calibrated = 0;
        for (JsonNode f : pool.get("stepS")) {
            int b = f.get("batch").asInt();
            if (b < r.measuredStepsAtBatch().length && r.measuredStepsAtBatch()[b] > 0) {
                double steps = r.measuredStepsAtBatch()[b] / (double) b;
                run += steps * r.measuredStepMsAtBatch()[b] / 1e3;
                calibrated += steps * f.get("seconds").asDouble();
            }
        }
        return run / calibrated;
    }

    /** The most rounds of each batch size when the twin measures a pool again. */
    private static final int RECALIBRATION_ROUNDS = 20;

    /** Each mode's requests as {@code requests-MODE.csv} and every figure in {@code twin.json}. */
    private void write(Path dir, List<Run> runs, JsonNode calibrated) throws java.io.IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", file.toString());
        json.put("profile", profile.toString());
        json.put("poolsMeasuredBeforeEachRun", !profilePools);
        Map<String, Object> modesOut = new LinkedHashMap<>();
        for (Run run : runs) {
            Twin.Result r = run.result();
            StringBuilder csv = new StringBuilder("id,arrivalS,edgeSteps,predictedLatencyS,measuredLatencyS,"
                    + "submissionLatenessS\n");
            for (Twin.Request q : r.requests()) {
                csv.append(q.id()).append(',').append(q.arrivalS()).append(',').append(q.edgeSteps()).append(',')
                        .append(q.predictedS()).append(',').append(q.measuredS()).append(',').append(q.latenessS())
                        .append('\n');
            }
            Files.writeString(dir.resolve("requests-" + r.mode() + ".csv"), csv);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("predicted", r.predicted().byName());
            m.put("measured", r.measured().byName());
            m.put("errors", r.errors());
            m.put("predictedStepsAtBatch", r.predictedStepsAtBatch());
            m.put("measuredStepsAtBatch", r.measuredStepsAtBatch());
            m.put("measuredStepMsAtBatch", r.measuredStepMsAtBatch());
            m.put("calibratedStepS", pool(calibrated, r.mode()).get("stepS"));
            m.put("runSpeed", run.speed());
            m.put("atRunSpeed", run.atRunSpeed().byName());
            m.put("errorsAtRunSpeed", Twin.errors(run.atRunSpeed(), r.measured()));
            m.put("meanSubmissionLatenessS", r.meanLatenessS());
            m.put("maxSubmissionLatenessS", r.maxLatenessS());
            modesOut.put(r.mode(), m);
        }
        json.put("modes", modesOut);
        JSON.writeValue(dir.resolve("twin.json").toFile(), json);
    }
}
