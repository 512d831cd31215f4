package aigcsim.scenarios.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ai.djl.pytorch.jni.JniUtils;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.sim.Scenario;
import aigcsim.scenarios.twin.Twin;
import aigcsim.worker.Calibration;
import aigcsim.worker.ModelSource;
import aigcsim.worker.PoolConfig;
import aigcsim.worker.StepModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aigcsim calibrate}: measures one worker of the bundled models on this host ({@link Calibration}) and writes
 * a device profile of it: the hardware fields describe that worker (one core, τ = 0, so eq. 20 gives the measured
 * times), the batch curve and the workload's times are the measurements, and {@code measurement} keeps every figure
 * with its 95 % half-width, the finish stage against the device steps, and whether the machine was too noisy for the
 * precision asked. A scenario uses it as {@code edge.profile: FILE} (or {@code devices.profile}).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure a worker of the bundled models on this host (step time by batch size, request start, "
                + "finish stage by device steps) and write a device profile of it.")
final class CalibrateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--out", paramLabel = "FILE", description = "Profile file (default ${DEFAULT-VALUE}).")
    Path out = Path.of("results", "calibration", "host.json");

    @Option(names = "--max-batch", description = "Largest batch measured (default ${DEFAULT-VALUE}, the pool's).")
    int maxBatch = PoolConfig.async(1).maxBatch();

    @Option(names = "--threads", description = "PyTorch intra-op threads of the worker (default ${DEFAULT-VALUE}: "
            + "a worker of the default pool, one per core).")
    int threads = PoolConfig.async(PoolConfig.CORES).intraOpThreads();

    @Option(names = "--total-steps", description = "Denoising steps of a request (default ${DEFAULT-VALUE}).")
    int totalSteps = 20;

    @Option(names = "--precision", description = "Relative 95 %% half-width each figure is timed to (default "
            + "${DEFAULT-VALUE}).")
    double precision = 0.02;

    @Option(names = "--max-blocks", description = "Most blocks of five timings per figure (default "
            + "${DEFAULT-VALUE}).")
    int maxBlocks = 40;

    @Override
    public Integer call() throws IOException {
        if (maxBatch < 1 || threads < 1 || totalSteps < 2 || !(precision > 0) || maxBlocks < 4) {
            throw new IllegalArgumentException("--max-batch and --threads >= 1, --total-steps >= 2, --precision > 0, "
                    + "--max-blocks >= 4");
        }
        String cpu = cpuInfo("model name", "unknown CPU");
        System.out.printf(Locale.ROOT, "calibrate: one worker of the bundled models, %d intra-op thread(s), batches "
                + "1..%d, %d steps a request, each figure to %.1f %% (at most %d blocks of 5); %s, %d cores%n",
                threads, maxBatch, totalSteps, 100 * precision, maxBlocks, cpu, PoolConfig.CORES);
        int[] splits = {0, totalSteps / 4, totalSteps / 2, 3 * totalSteps / 4, totalSteps};
        ModelSource source = ModelSource.bundled();
        Calibration.Result r;
        Map<String, Calibration.PoolFigures> pools = new LinkedHashMap<>();
        Map<String, PoolConfig> configs = new LinkedHashMap<>();
        for (Scenario.EdgeMode mode : Scenario.EdgeMode.values()) {
            configs.put(mode.name().toLowerCase(Locale.ROOT), Twin.pool(mode, threads, maxBatch));
        }
        int modelFigures = maxBatch + 1 + splits.length;
        int total = modelFigures + configs.values().stream().mapToInt(PoolConfig::maxBatch).sum();
        ProgressBar bar = new ProgressBar("calibrate", total, System.err);
        try {
            try (StepModel model = source.opener().get()) {
                JniUtils.setNumThreads(threads);
                r = new Calibration(model, System::nanoTime, precision, maxBlocks).measure(maxBatch, totalSteps,
                        splits, (done, all) -> bar.step(done));
            }
            // the same steps as the pool runs them, in each mode (see Calibration.pool)
            int[] done = {modelFigures};
            for (var c : configs.entrySet()) {
                int before = done[0];
                pools.put(c.getKey(), Calibration.pool(source, c.getValue(), totalSteps, precision, maxBlocks,
                        (b, all) -> bar.step(done[0] = before + b)));
            }
        } finally {
            bar.close();
        }
        String host = hostName();
        Map<String, Object> profile = profile(r, host, cpu, source.version(), pools, configs);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        JSON.writeValue(out.toFile(), profile);
        DeviceProfile check = DeviceProfile.load(out); // the file reads back as the profile it describes
        System.out.println();
        Tables.row(System.out, new String[] {"batch", "step, ms", "± 95 %", "t(b)/t(1)"});
        double[] curve = r.batchCurve();
        for (int b = 1; b <= maxBatch; b++) {
            Calibration.Figure f = r.stepByBatch().get(b - 1);
            Tables.row(System.out, new String[] {Integer.toString(b), fmt(1e3 * f.seconds()),
                fmt(1e3 * f.halfWidth95()), String.format(Locale.ROOT, "%.3f", curve[b - 1])});
        }
        if (r.increasingBatchCurve().size() < maxBatch) {
            System.out.printf(Locale.ROOT, "batch curve: %d of %d batch sizes kept (a size measured no slower than a "
                    + "smaller one is left out and interpolated; all are in measurement.stepS)%n",
                    r.increasingBatchCurve().size(), maxBatch);
        }
        System.out.printf(Locale.ROOT, "request start: %s ms ± %s%n", fmt(1e3 * r.startS().seconds()),
                fmt(1e3 * r.startS().halfWidth95()));
        for (Calibration.FinishPoint p : r.finish()) {
            System.out.printf(Locale.ROOT, "finish with %2d device steps: %s ms ± %s%n", p.deviceSteps(),
                    fmt(1e3 * p.time().seconds()), fmt(1e3 * p.time().halfWidth95()));
        }
        System.out.printf(Locale.ROOT, "finish stage fit: %s ms + %s ms per device step (a step at batch 1: %s ms)%n",
                fmt(1e3 * r.finishFixedS()), fmt(1e3 * r.finishPerStepS()), fmt(1e3 * check.stepS()));
        pools.forEach((mode, f) -> {
            StringBuilder steps = new StringBuilder();
            for (int b = 0; b < f.stepByBatch().size(); b++) {
                steps.append(b == 0 ? "" : ", ").append(b + 1).append(": ")
                        .append(fmt(1e3 * f.stepByBatch().get(b).seconds()));
            }
            System.out.printf(Locale.ROOT, "%s pool (one worker), a step as it runs it, ms by batch size: %s; between "
                    + "steps %s ms ± %s%n", mode, steps, fmt(1e3 * f.overheadPerStep().seconds()),
                    fmt(1e3 * f.overheadPerStep().halfWidth95()));
        });
        System.out.printf(Locale.ROOT, "%s: the widest interval is %.1f %% of its figure (asked: %.1f %%)%n",
                r.noisy() ? "NOISY" : "steady", 100 * r.worstRelativeHalfWidth(), 100 * precision);
        System.out.println("profile: " + out);
        return Main.OK;
    }

    /** The profile file's fields (see {@code Hardware}): the worker as hardware, its measured workload. */
    private Map<String, Object> profile(Calibration.Result r, String host, String cpu, String version,
            Map<String, Calibration.PoolFigures> pools, Map<String, PoolConfig> configs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "host-" + host);
        m.put("source", String.format(Locale.ROOT, "aigcsim calibrate on %s (%s, %d cores), %s: one worker of the "
                + "bundled models with %d intra-op thread(s), described as one core with tau = 0 so that eq. 20 "
                + "gives the measured times; batch curve and workload measured, spread in measurement", host, cpu,
                PoolConfig.CORES, LocalDate.now(), threads));
        double mhz = Double.parseDouble(cpuInfo("cpu MHz", "1000"));
        m.put("clockHz", mhz * 1e6);
        m.put("cores", 1);
        m.put("parallelFraction", 0.0);
        m.put("efficiency", 1.0);
        m.put("batchCurve", r.increasingBatchCurve());
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("name", "bundled models " + version);
        w.put("source", "stepS: a batched step at batch 1; extractionS: a request's start (its initial latent); "
                + "decodeS: the finish stage's fixed part (channel, decode, scoring), fitted on the device steps");
        w.put("stepS", r.stepByBatch().get(0).seconds());
        w.put("extractionS", r.startS().seconds());
        w.put("decodeS", Math.max(0, r.finishFixedS()));
        m.put("workload", w);
        Map<String, Object> meas = new LinkedHashMap<>();
        meas.put("host", host);
        meas.put("cpu", cpu);
        meas.put("hostCores", PoolConfig.CORES);
        meas.put("intraOpThreads", threads);
        meas.put("totalSteps", totalSteps);
        meas.put("precision", r.precision());
        meas.put("worstRelativeHalfWidth95", r.worstRelativeHalfWidth());
        meas.put("noisy", r.noisy());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int b = 0; b < r.stepByBatch().size(); b++) {
            Map<String, Object> f = figure(r.stepByBatch().get(b));
            f.put("batch", b + 1);
            steps.add(f);
        }
        meas.put("stepS", steps);
        meas.put("startS", figure(r.startS()));
        List<Map<String, Object>> finish = new ArrayList<>();
        for (Calibration.FinishPoint p : r.finish()) {
            Map<String, Object> f = figure(p.time());
            f.put("deviceSteps", p.deviceSteps());
            finish.add(f);
        }
        meas.put("finishS", finish);
        meas.put("finishFixedS", r.finishFixedS());
        meas.put("finishPerDeviceStepS", r.finishPerStepS());
        Map<String, Object> inPools = new LinkedHashMap<>();
        pools.forEach((mode, f) -> inPools.put(mode, pool(f, configs.get(mode))));
        meas.put("pools", inPools);
        m.put("measurement", meas);
        return m;
    }

    /**
     * A pool's measurement as the profile holds it (measurement.pools.MODE): its step by batch size with the rounds
     * of each, their increasing batch curve, the time between steps and the batch wait of {@code config}.
     */
    static Map<String, Object> pool(Calibration.PoolFigures f, PoolConfig config) {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("batchCurve", Calibration.increasingCurve(f.stepByBatch()));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int b = 0; b < f.stepByBatch().size(); b++) {
            Map<String, Object> x = figure(f.stepByBatch().get(b), "rounds");
            x.put("batch", b + 1);
            steps.add(x);
        }
        pool.put("stepS", steps);
        pool.put("overheadPerStepS", figure(f.overheadPerStep(), "requests"));
        pool.put("batchWaitS", config.maxWaitMs() / 1e3);
        return pool;
    }

    /** A figure of the model alone: the mean of {@code blocksOf5} block medians. */
    private static Map<String, Object> figure(Calibration.Figure f) {
        return figure(f, "blocksOf5");
    }

    /** A figure with its 95 % half-width and the count of observations it averages, named {@code count}. */
    private static Map<String, Object> figure(Calibration.Figure f, String count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", f.seconds());
        m.put("halfWidth95", f.halfWidth95());
        m.put(count, f.blocks());
        return m;
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    /** A field of /proc/cpuinfo's first processor, or {@code fallback} off Linux. */
    private static String cpuInfo(String field, String fallback) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(field) && line.contains(":")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return fallback;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
