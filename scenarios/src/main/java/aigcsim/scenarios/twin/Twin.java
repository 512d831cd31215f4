package aigcsim.scenarios.twin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.compute.ComputeJob;
import aigcsim.core.compute.ComputeResult;
import aigcsim.core.compute.ComputeService;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.metrics.RunSummary;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;
import aigcsim.worker.ModelSource;
import aigcsim.worker.PoolConfig;
import aigcsim.worker.WorkerPool;

/**
 * The digital twin's check: the same requests twice. First the simulator runs the scenario (replication 0,
 * analytic, its edge and devices on a profile measured on this host by {@code aigcsim calibrate}) and predicts each
 * request's latency; then the real worker pool serves the same requests — the same prompts, seeds and splits, each
 * submitted on the wall clock at its simulated arrival time ({@link RealTimeDriver}) to a pool in the scenario's
 * edge mode (serial: one worker, one request at a time to the end; async: one worker batching up to the scenario's
 * maxBatch at step granularity), no cache — and each request's latency is measured from its arrival to its result.
 *
 * <p>The pool runs a request's edge steps, then its finish stage (channel, device steps, decode, scoring) on the same
 * worker; the simulator runs the device part on the user's device and the transmission on the downlink. A twin
 * scenario makes the transmission negligible (a wide band) and should split edge-only (the device then only
 * decodes), so that both systems do the same work; what each figure covers is printed with it.
 */
public final class Twin {
    /**
     * Latency, throughput and edge utilization of one system: for the simulator, the edge's busy share of the run
     * (its steps); for the pool, the worker's busy time (each request's share of its batched steps, and its finish
     * stage) over the time from the first arrival to the last result.
     */
    public record Figures(int requests, double meanS, double p50S, double p95S, double p99S, double throughputPerS,
            double edgeUtilization) {
        static Figures of(double[] latencies, double[] endsS, double firstArrivalS, double edgeUtilization) {
            double[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double end = Arrays.stream(endsS).max().orElse(Double.NaN);
            return new Figures(sorted.length, Arrays.stream(sorted).average().orElse(Double.NaN),
                    RunSummary.quantile(sorted, 0.5), RunSummary.quantile(sorted, 0.95),
                    RunSummary.quantile(sorted, 0.99), sorted.length / (end - firstArrivalS), edgeUtilization);
        }

        public Map<String, Double> byName() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("meanLatencyS", meanS);
            m.put("p50LatencyS", p50S);
            m.put("p95LatencyS", p95S);
            m.put("p99LatencyS", p99S);
            m.put("throughputPerS", throughputPerS);
            m.put("edgeUtilization", edgeUtilization);
            return m;
        }
    }

    /**
     * Predicted against measured; the denoising steps by batch size (index b: request-steps in batches of b) of the
     * simulated edge and of the pool, the pool's mean step time at each batch size in the run (ms; NaN where none
     * ran), the submissions' lateness on the wall clock (the driver's own error) and each request.
     */
    public record Result(String mode, Figures predicted, Figures measured, long[] predictedStepsAtBatch,
            long[] measuredStepsAtBatch, double[] measuredStepMsAtBatch, double maxLatenessS, double meanLatenessS,
            List<Request> requests) {
        /** Each figure's error of the prediction, measured as the reference: (predicted − measured) / measured. */
        public Map<String, Double> errors() {
            return Twin.errors(predicted, measured);
        }
    }

    /**
     * One request in both systems: its arrival (seconds from the first), edge steps, predicted and measured latency,
     * and how late the driver submitted it.
     */
    public record Request(long id, double arrivalS, int edgeSteps, double predictedS, double measuredS,
            double latenessS) {
    }

    private Twin() {
    }

    /** Each figure's error of {@code predicted} against {@code measured}: (predicted − measured) / measured. */
    public static Map<String, Double> errors(Figures predicted, Figures measured) {
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, Double> m = measured.byName();
        predicted.byName().forEach((k, v) -> out.put(k, (v - m.get(k)) / m.get(k)));
        return out;
    }

    /**
     * The pool a twin compares in {@code mode}, and that calibrate measures: one worker with {@code threads}
     * intra-op threads and no cache; serial: one request at a time to the end; async: batches of up to
     * {@code maxBatch} at step granularity, with the pool's batch wait.
     */
    public static PoolConfig pool(Scenario.EdgeMode mode, int threads, int maxBatch) {
        PoolConfig base = mode == Scenario.EdgeMode.SERIAL ? PoolConfig.serial()
                : PoolConfig.async(1).withBatching(maxBatch, PoolConfig.async(1).maxWaitMs());
        return base.withWorkers(1, threads).withCache(0);
    }

    /**
     * The simulator's side of the twin: the delivered requests in arrival order with the compute job of each, the
     * figures, and the request-steps by batch size of the edge.
     */
    public record Prediction(List<RequestRecord> records, List<ComputeJob> jobs, Figures figures,
            long[] stepsAtBatch) {
    }

    /** Runs {@code scenario} (analytic, replication 0) and records each request's compute job. */
    public static Prediction predict(Scenario scenario) {
        Map<Long, ComputeJob> jobs = new HashMap<>();
        AnalyticComputeService analytic = new AnalyticComputeService();
        ComputeService recording = new ComputeService() {
            @Override
            public CompletableFuture<ComputeResult> submit(ComputeJob job) {
                jobs.put(job.requestId(), job);
                return analytic.submit(job);
            }

            @Override
            public String fidelity() {
                return analytic.fidelity();
            }
        };
        RunResult sim = Simulation.runReplication(scenario, 0, recording, Simulation.Progress.NONE);
        List<RequestRecord> records = sim.records().list();
        long failed = records.stream().filter(RequestRecord::failed).count();
        if (failed > 0) {
            throw new IllegalArgumentException("twin: " + failed + " of " + records.size() + " requests failed in "
                    + "the simulation; the pool would serve them all: lengthen run.deadlineS or lighten the load");
        }
        double firstArrival = records.get(0).arrivalS();
        Figures predicted = Figures.of(records.stream().mapToDouble(RequestRecord::latencyS).toArray(),
                records.stream().mapToDouble(RequestRecord::endS).toArray(), firstArrival,
                sim.summary().edgeUtilization());
        return new Prediction(records, records.stream().map(r -> jobs.get(r.id())).toList(), predicted,
                sim.edgeStepsAtBatch());
    }

    /**
     * Predicts {@code scenario} ({@link #predict}), then serves its requests on a pool of {@code models} with
     * {@code intraOpThreads} per worker in real time; progress to {@code out}.
     */
    public static Result run(Scenario scenario, ModelSource models, int intraOpThreads, PrintStream out) {
        Prediction prediction = predict(scenario);
        List<RequestRecord> records = prediction.records();
        List<ComputeJob> replay = prediction.jobs();
        Figures predicted = prediction.figures();
        PoolConfig config = pool(scenario.edgeMode(), intraOpThreads, scenario.maxBatch());
        double firstArrival = records.get(0).arrivalS();
        double[] at = new double[records.size()];
        for (int i = 0; i < records.size(); i++) {
            at[i] = records.get(i).arrivalS() - firstArrival;
        }
        if (out != null) {
            out.printf(java.util.Locale.ROOT, "twin %s: %d requests predicted; serving them on the pool in real time "
                    + "(%s), %.0f s%n", scenario.edgeMode().name().toLowerCase(java.util.Locale.ROOT), replay.size(),
                    config.describe(), at[at.length - 1]);
        }
        try (WorkerPool pool = WorkerPool.start(config, models)) {
            warmUp(pool, replay, scenario.maxBatch());
            long[] before = pool.metrics().stepsAtBatch();
            double[] msBefore = pool.metrics().stepMsAtBatch();
            double busyBeforeMs = pool.metrics().busyMs();
            List<RealTimeDriver.Timing> t = new RealTimeDriver(System::nanoTime).run(replay, at, pool::submit);
            long[] after = pool.metrics().stepsAtBatch();
            double busyS = (pool.metrics().busyMs() - busyBeforeMs) / 1e3;
            double[] msAfter = pool.metrics().stepMsAtBatch();
            long[] steps = new long[after.length];
            double[] stepMs = new double[after.length];
            for (int b = 0; b < after.length; b++) {
                steps[b] = after[b] - before[b];
                stepMs[b] = steps[b] == 0 ? Double.NaN : (msAfter[b] - msBefore[b]) / (steps[b] / (double) b);
            }
            for (RealTimeDriver.Timing x : t) {
                if (x.error() != null) {
                    throw new IllegalStateException("twin: the pool failed a request: " + x.error().getMessage(),
                            x.error());
                }
            }
            double lastS = t.stream().mapToDouble(x -> x.completedNs() / 1e9).max().orElse(Double.NaN);
            Figures measured = Figures.of(t.stream().mapToDouble(RealTimeDriver.Timing::latencyS).toArray(),
                    t.stream().mapToDouble(x -> x.completedNs() / 1e9).toArray(), 0, busyS / lastS);
            List<Request> rows = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                RequestRecord r = records.get(i);
                rows.add(new Request(r.id(), at[i], replay.get(i).edgeSteps(), r.latencyS(), t.get(i).latencyS(),
                        t.get(i).latenessS()));
            }
            return new Result(scenario.edgeMode().name().toLowerCase(java.util.Locale.ROOT), predicted, measured,
                    prediction.stepsAtBatch(), steps, stepMs,
                    t.stream().mapToDouble(RealTimeDriver.Timing::latenessS).max().orElse(0),
                    t.stream().mapToDouble(RealTimeDriver.Timing::latenessS).average().orElse(0), List.copyOf(rows));
        }
    }

    /** Serves a few batches of requests like the replay's (other seeds) before the clock starts: the JIT's warm-up. */
    private static void warmUp(WorkerPool pool, List<ComputeJob> like, int maxBatch) {
        List<CompletableFuture<ComputeResult>> fs = new ArrayList<>();
        for (int i = 0; i < 2 * maxBatch && i < like.size(); i++) {
            ComputeJob j = like.get(i);
            fs.add(pool.submit(new ComputeJob(-1 - i, j.prompt(), j.seed() ^ 0x5eed, j.edgeSteps(), j.totalSteps(),
                    j.framework(), j.channelType(), j.snrDb(), j.meanSnrDb())));
        }
        CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
    }
}
