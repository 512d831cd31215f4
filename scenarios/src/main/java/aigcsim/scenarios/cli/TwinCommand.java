package aigcsim.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;
import aigcsim.scenarios.twin.Twin;
import aigcsim.worker.ModelSource;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The profile the simulator runs for the pool in {@code mode}: the calibrated one, with the pool's measured time
     * around the computation added to every step (o: t(b) becomes t(b) + o, so the batch curve is recomputed); the
     * async pool's batch wait is the scenario's {@code edge.batchWaitS}.
     */
    static Path withPoolOverhead(ObjectNode calibrated, String mode, Path dir) throws java.io.IOException {
        ObjectNode p = calibrated.deepCopy();
        JsonNode pools = calibrated.get("measurement").get("poolOverheadPerStepS");
        if (pools.get(mode) == null) {
            throw new IllegalArgumentException("twin: the profile has no pool measurement for mode " + mode);
        }
        double o = pools.get(mode).get("seconds").asDouble();
        ObjectNode w = (ObjectNode) p.get("workload");
        double t1 = w.get("stepS").asDouble();
        ArrayNode curve = JSON.createArrayNode();
        for (JsonNode point : calibrated.get("batchCurve")) {
            curve.add(JSON.createArrayNode().add(point.get(0).asInt()).add((point.get(1).asDouble() * t1 + o)
                    / (t1 + o)));
        }
        p.set("batchCurve", curve);
        w.put("stepS", t1 + o);
        p.put("name", p.get("name").asText() + "-" + mode + "-pool");
        Path f = dir.resolve(mode + ".json");
        JSON.writeValue(f.toFile(), p);
        return f;
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
        JsonNode measurement = file0.get("measurement");
        if (measurement == null || measurement.get("poolOverheadPerStepS") == null) {
            throw new IllegalArgumentException(profile + ": not a profile written by aigcsim calibrate (no "
                    + "measurement.poolOverheadPerStepS)");
        }
        int threads = measurement.get("intraOpThreads").asInt();
        List<Twin.Result> results = new ArrayList<>();
        Path tmp = Files.createTempDirectory("aigcsim-twin-");
        for (String mode : modes) {
            String p = withPoolOverhead(file0, mode, tmp).toString();
            List<ScenarioLoader.Setting> settings = new ArrayList<>();
            // the async pool's worker, found idle, waits its batch wait for other requests: so does the edge
            double wait = mode.equals("async") ? measurement.get("poolOverheadPerStepS").get("asyncBatchWaitS")
                    .asDouble() : 0;
            for (String s : List.of("compute.fidelity=analytic", "edge.mode=" + mode, "cells[0].edgeProfile=" + p,
                    "users.deviceProfile=" + p, "edge.batchWaitS=" + wait)) {
                settings.add(ScenarioLoader.Setting.parse(s, "twin"));
            }
            ResolvedScenario r = ScenarioResolver.resolve(ScenarioLoader.load(file, settings));
            if (r.scenario().cells().size() != 1) {
                throw new IllegalArgumentException(file + ": a twin scenario has one cell (the pool is one edge), "
                        + "this one has " + r.scenario().cells().size());
            }
            results.add(Twin.run(r.scenario(), ModelSource.bundled(), threads, System.out));
        }
        try (var files = Files.list(tmp)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(tmp);
        for (Twin.Result r : results) {
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
        }
        return Main.OK;
    }
}
