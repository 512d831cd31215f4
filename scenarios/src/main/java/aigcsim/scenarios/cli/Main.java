package aigcsim.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import aigcsim.core.compute.AnalyticComputeService;
import aigcsim.core.compute.ComputeService;
import aigcsim.core.metrics.ConfidenceInterval;
import aigcsim.core.metrics.ResultWriter;
import aigcsim.core.metrics.RunResult;
import aigcsim.core.sim.Scenario;
import aigcsim.core.sim.Simulation;
import aigcsim.core.sim.SimulationException;
import aigcsim.models.cli.ModelsMain;
import aigcsim.worker.ClusterOptions;
import aigcsim.worker.ModelSource;
import aigcsim.worker.PoolConfig;
import aigcsim.worker.WorkerNode;
import aigcsim.worker.WorkerPool;

/**
 * The {@code aigcsim} command line: {@code run} simulates the bundled default scenario in serial and async edge
 * mode (same arrivals and channels), each request's diffusion and JSCC computation done by the worker pool, and
 * prints the comparison; {@code worker} serves a cluster as a worker node; {@code worker-bench} compares the pool's
 * modes; {@code bench} prints simulator speed figures; {@code models} trains and measures the neural models.
 */
public final class Main {
    private static final String USAGE = """
            usage: aigcsim <command> [options]
              run    [--out DIR] [--replications N] [--seed S] [--users N] [--duration-s T] [--mode serial|async|both]
                     [--fidelity cached|full|sampled|analytic] [--sampled-fraction F] [--workers N (default: cores)]
                     [--cluster --host ADDR [--port P] [--members A,B,...]]
                     simulate the bundled default scenario; every request's computation goes to the worker pool
                     (default: in process, fidelity cached = once per distinct request); writes DIR/<mode>/requests.csv,
                     summary.json and DIR/pool-metrics.json (default DIR: results/default) and prints a summary
              worker --cluster --host ADDR [--port P] [--members A,B,...] [--workers N] [--max-batch B]
                     join a cluster as a worker node serving its simulator (runs until stopped)
              worker-bench [--requests N] [--users N] [--prompts N] [--workers N] [--max-batch B]
                     one workload through the serial and the async pool, with an ablation
              bench  [--users N] [--duration-s T] [--mmq-events N]
                     benchmark: events/s, requests per wall-second and peak heap of an analytic scenario, against a
                     bare DSOL M/M/1 in the same process
              models train|eval|bench ...
                     train the neural models on Fashion-MNIST, measure them (aigcsim models for options)
            """;
    private static final String[] CLUSTER_OPTIONS = {"--cluster", "--host", "--port", "--members"};

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("models")) {
            ModelsMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException | IllegalStateException | SimulationException e) {
            System.err.println("aigcsim: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("aigcsim: cannot write results: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Options o = Options.parse(args);
        return switch (args[0]) {
            case "run" -> runDefault(o.allow(concat(CLUSTER_OPTIONS, "--out", "--replications", "--seed", "--users",
                    "--duration-s", "--mode", "--fidelity", "--sampled-fraction", "--workers")));
            case "worker" -> {
                o.allow(concat(CLUSTER_OPTIONS, "--workers", "--max-batch"));
                ClusterOptions cluster = cluster(o);
                if (cluster == null) {
                    throw new IllegalArgumentException("worker: --cluster --host ADDR is required (a worker node "
                            + "serves a cluster's simulator)");
                }
                PoolConfig config = asyncPool(o.intOr("--workers", PoolConfig.CORES));
                config = config.withBatching(o.intOr("--max-batch", config.maxBatch()), config.maxWaitMs());
                WorkerNode node = WorkerNode.start(cluster, config, ModelSource.bundled());
                Runtime.getRuntime().addShutdownHook(new Thread(node::close)); // hands unfinished jobs back
                System.out.printf(Locale.ROOT, "aigcsim worker node %s joined the cluster at %s: %s%n", node.name(),
                        cluster.host(), config.describe());
                try {
                    Thread.currentThread().join(); // until stopped
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield 0;
            }
            case "worker-bench" -> {
                o.allow("--requests", "--users", "--prompts", "--workers", "--max-batch");
                WorkerBench.run(o.intOr("--requests", 240), o.intOr("--users", 12), o.intOr("--prompts", 30),
                        o.intOr("--workers", PoolConfig.CORES), o.intOr("--max-batch", 16));
                yield 0;
            }
            case "bench" -> {
                o.allow("--users", "--duration-s", "--mmq-events");
                Bench.run(o.intOr("--users", 1000), o.doubleOr("--duration-s", 3600),
                        o.intOr("--mmq-events", 2_000_000));
                yield 0;
            }
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'; commands: run, worker, "
                    + "worker-bench, bench, models (aigcsim help)");
        };
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The cluster to join, or null when no --cluster was given. */
    private static ClusterOptions cluster(Options o) {
        if (!o.has("--cluster")) {
            for (String k : new String[] {"--host", "--port", "--members"}) {
                if (o.has(k)) {
                    throw new IllegalArgumentException(k + " needs --cluster");
                }
            }
            return null;
        }
        String members = o.stringOr("--members", "");
        return new ClusterOptions(o.stringOr("--host", ""), o.intOr("--port", ClusterOptions.DEFAULT_PORT),
                members.isBlank() ? List.of() : List.of(members.split(",")));
    }

    /** The async pool on {@code workers} workers sharing the cores. */
    private static PoolConfig asyncPool(int workers) {
        return PoolConfig.async(workers).withWorkers(workers, Math.max(1, PoolConfig.CORES / Math.max(1, workers)));
    }

    /** The compute service of a run: the worker pool at the requested fidelity, or none for analytic. */
    private static ComputeService computeService(Options o) {
        String fidelity = o.stringOr("--fidelity", PoolConfig.Fidelity.CACHED.id());
        if (fidelity.equals(AnalyticComputeService.FIDELITY)) {
            if (o.has("--workers") || o.has("--cluster") || o.has("--sampled-fraction")) {
                throw new IllegalArgumentException("--fidelity analytic computes nothing: no --workers, --cluster "
                        + "or --sampled-fraction");
            }
            return new AnalyticComputeService();
        }
        PoolConfig.Fidelity f = PoolConfig.Fidelity.parse(fidelity);
        if (o.has("--sampled-fraction") && f != PoolConfig.Fidelity.SAMPLED) {
            throw new IllegalArgumentException("--sampled-fraction needs --fidelity sampled");
        }
        int workers = o.intOr("--workers", PoolConfig.CORES);
        PoolConfig config = asyncPool(workers).withFidelity(f, o.doubleOr("--sampled-fraction", 0.1));
        ModelSource models = ModelSource.bundled();
        ClusterOptions cluster = cluster(o);
        return cluster == null ? WorkerPool.start(config, models) : WorkerPool.startClustered(config, models, cluster);
    }

    private static int runDefault(Options o) throws IOException {
        Scenario base = DefaultScenario.build();
        Scenario.Builder b = base.toBuilder()
                .replications(o.intOr("--replications", base.replications()))
                .seed(o.intOr("--seed", (int) base.seed()))
                .users(o.intOr("--users", base.users()))
                .durationS(o.doubleOr("--duration-s", base.durationS()));
        String mode = o.stringOr("--mode", "both");
        List<Scenario.EdgeMode> modes = switch (mode) {
            case "both" -> List.of(Scenario.EdgeMode.SERIAL, Scenario.EdgeMode.ASYNC);
            case "serial" -> List.of(Scenario.EdgeMode.SERIAL);
            case "async" -> List.of(Scenario.EdgeMode.ASYNC);
            default -> throw new IllegalArgumentException("--mode must be serial, async or both, got '" + mode + "'");
        };
        Path out = Path.of(o.stringOr("--out", "results/default"));
        ComputeService compute = computeService(o);
        List<String[]> table = new ArrayList<>();
        try {
            if (compute instanceof WorkerPool pool) {
                System.out.println("worker pool " + pool.config().describe() + "; bundled models, version "
                        + pool.modelVersion());
            }
            for (Scenario.EdgeMode m : modes) {
                Scenario s = b.edgeMode(m).build();
                String name = m.name().toLowerCase(Locale.ROOT);
                System.out.printf(Locale.ROOT, "%s: %d users, %s, %s, split %s, %.0f s x %d replications, "
                        + "fidelity %s%n", name, s.users(), s.framework().id(), s.bandwidthScheduler(),
                        s.splitPolicy(), s.durationS(), s.replications(), compute.fidelity());
                long t0 = System.nanoTime();
                List<RunResult> runs = Simulation.run(s, compute, (r, f) -> {
                    if (f == 1.0) {
                        System.out.printf(Locale.ROOT, "  replication %d/%d simulated (%.0f s)%n", r + 1,
                                s.replications(), (System.nanoTime() - t0) / 1e9);
                    }
                });
                System.out.printf(Locale.ROOT, "  every request's result in: %.0f s (simulation and computation)%n",
                        (System.nanoTime() - t0) / 1e9);
                Path dir = out.resolve(name);
                Files.createDirectories(dir);
                ResultWriter.writeRequestsCsv(dir.resolve("requests.csv"), runs);
                ResultWriter.writeSummaryJson(dir.resolve("summary.json"), s.describe(), compute.fidelity(), runs);
                Map<String, ConfidenceInterval> ci = ResultWriter.confidenceIntervals(
                        runs.stream().map(RunResult::summary).toList());
                table.add(new String[] {name, fmt(ci.get("requests"), "%.0f"), fmt(ci.get("meanLatencyS"), "%.2f"),
                        fmt(ci.get("p95LatencyS"), "%.2f"), fmt(ci.get("meanSatisfaction"), "%.3f"),
                        fmt(ci.get("failureRate"), "%.3f"), fmt(ci.get("edgeUtilization"), "%.2f"),
                        fmt(ci.get("meanEdgeSteps"), "%.1f"), fmt(ci.get("meanPsnrDb"), "%.2f"),
                        fmt(ci.get("meanSsim"), "%.3f"), fmt(ci.get("meanSemanticAccuracy"), "%.3f"),
                        fmt(ci.get("cacheHitRate"), "%.3f")});
                System.out.println("  wrote " + dir.resolve("requests.csv") + " and " + dir.resolve("summary.json"));
            }
        } finally {
            if (compute instanceof WorkerPool pool) {
                pool.close(); // drains the work in flight
                Files.createDirectories(out);
                Files.writeString(out.resolve("pool-metrics.json"), pool.metricsJson());
                System.out.println("worker pool: " + pool.metricsJson());
            }
        }
        System.out.println();
        System.out.println("Summary (mean ± 95 % CI half-width over replications; latency of delivered requests; "
                + "quality of computed requests against the no-channel reference; fidelity " + compute.fidelity()
                + ")");
        String[] head = {"mode", "requests", "latency s", "p95 s", "satisfaction", "failure", "edge util", "mean a",
            "PSNR dB", "SSIM", "semantic", "cache hit"};
        printRow(head);
        table.forEach(Main::printRow);
        return 0;
    }

    private static String fmt(ConfidenceInterval ci, String f) {
        String mean = String.format(Locale.ROOT, f, ci.mean());
        return Double.isNaN(ci.halfWidth95()) ? mean : mean + " ± " + String.format(Locale.ROOT, f, ci.halfWidth95());
    }

    private static void printRow(String[] cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            s.append(String.format(Locale.ROOT, i == 0 ? "%-7s" : "%16s", cells[i]));
        }
        System.out.println(s);
    }

    /** {@code --key value} options after the command. */
    record Options(Map<String, String> values) {
        /** Options that take no value. */
        private static final List<String> FLAGS = List.of("--cluster");

        boolean has(String key) {
            return values.containsKey(key);
        }

        static Options parse(String[] args) {
            Map<String, String> v = new java.util.LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (FLAGS.contains(args[i])) {
                    v.put(args[i], "true");
                    continue;
                }
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected '--option value', got '" + args[i] + "'");
                }
                v.put(args[i], args[++i]);
            }
            return new Options(v);
        }

        /** Rejects options the command does not know. */
        Options allow(String... known) {
            for (String key : values.keySet()) {
                if (!List.of(known).contains(key)) {
                    throw new IllegalArgumentException("unknown option '" + key + "'; allowed: " + List.of(known));
                }
            }
            return this;
        }

        String stringOr(String key, String def) {
            return values.getOrDefault(key, def);
        }

        int intOr(String key, int def) {
            String s = values.get(key);
            try {
                return s == null ? def : Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " needs an integer, got '" + s + "'");
            }
        }

        double doubleOr(String key, double def) {
            String s = values.get(key);
            try {
                return s == null ? def : Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " needs a number, got '" + s + "'");
            }
        }
    }
}
